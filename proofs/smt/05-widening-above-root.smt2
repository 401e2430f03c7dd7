; Lemma 05 — widening an entry `l*` to a shorter prefix q breaks O1, witness q itself.
;
; Claim: for all strings q, l: if q is a proper prefix of l, then q is in L(`q*`) but not in
; L(`l*`) — i.e. q does not start with l. So no emitted `p*` can be widened to any `q*`
; with q shorter than the entry's literal prefix without allowing a string (q) that the
; original entry does not allow.
; Discharges: proofs/LGG.md, Theorem 2 case (i) (widening above the entry's root).
; Shape: schema, q, l symbolic.
(set-info :status unsat)
(set-logic QF_S)
(declare-const q String)
(declare-const l String)
(assert (str.prefixof q l))
(assert (not (= q l)))
(assert (str.prefixof l q))
(check-sat)
