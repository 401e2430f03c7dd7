; Lemma 04 — two prefix languages meet only when one prefix extends the other.
;
; Claim: for all strings p, s, x: if x starts with p and x starts with s, then p is a prefix
; of s or s is a prefix of p. Hence L(`p*`) ∩ L(`s*`) ≠ ∅ ⇔ p, s are comparable under
; the prefix order (the other direction: the longer of the two is a common string).
; Discharges: proofs/LGG.md, Lemma 3 (safety condition (a) against a wholly unused service
; `svc`, whose unused language is L(`svc:*`)): model/findings.cpp
; UnusedFindings::prefix_reaches_unused compares `svc:` and the node prefix on their common
; length, which is exactly this test. Used in Theorem 1 (O2).
; Shape: schema, p, s, x symbolic.
(set-info :status unsat)
(set-logic QF_S)
(declare-const p String)
(declare-const s String)
(declare-const x String)
(assert (str.prefixof p x))
(assert (str.prefixof s x))
(assert (not (str.prefixof p s)))
(assert (not (str.prefixof s p)))
(check-sat)
