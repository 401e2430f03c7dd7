; Lemma 01 — prefix extension is transitive (string logic, no regular expressions).
;
; Claim: for all strings l, p, x: if l is a prefix of p and p is a prefix of x, then l is a
; prefix of x. With x ∈ L(`p*`) ⇔ p is a prefix of x (lemma 03), this is
; L(`p*`) ⊆ L(`l*`) whenever p extends l.
; Discharges: proofs/LGG.md, Lemma 1 (a safe node p of an entry `l*` needs no inclusion
; check), used in Theorem 1 (O1) and by engine/strategies/aws_strategy.cpp `is_safe`, which skips
; includes_all_with_prefix for entries of the form `literal*`.
; Shape: schema, l, p, x symbolic (all strings, any length, any characters).
; Measured (z3 4.8.12, cvc5 1.0.3, this machine): see proofs/README.md.
(set-info :status unsat)
(set-logic QF_S)
(declare-const l String)
(declare-const p String)
(declare-const x String)
(assert (str.prefixof l p))
(assert (str.prefixof p x))
(assert (not (str.prefixof l x)))
(check-sat)
