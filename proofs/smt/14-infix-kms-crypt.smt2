; Lemma 14 — infix inclusion: `kms:*encrypt*` ⊆ `kms:*crypt*`.
;
; Claim: no string x is in L(`kms:*encrypt*`) \ L(`kms:*crypt*`) (all strings, not only catalog actions).
; Why: "encrypt" contains "crypt": x = "kms:" u "encrypt" v reads as "kms:" (u "en") "crypt" v.
; Discharges: DESIGN §4's infix cases; proofs/LGG.md §5 (infix entries: the walk's condition (b)
; is decided by engine/match/action_pattern.cpp includes_all_with_prefix, and the verifier's O1 must be
; able to prove inclusions of this shape, e.g. for the result of a non-`aws` strategy).
; Shape: concrete patterns, x symbolic, asked as ONE membership x ∈ A ∩ comp(B).
; Measured: z3 4.8.12 0.7 s in this one-membership form; asked as two assertions z3 gives no
; answer within 20 s. cvc5 1.0.3 < 0.3 s in both forms.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun narrow () RegLan (re.++ (str.to_re "kms:") re.all (str.to_re "encrypt") re.all))
(define-fun wide () RegLan (re.++ (str.to_re "kms:") re.all (str.to_re "crypt") re.all))
(assert (str.in_re x (re.inter narrow (re.comp wide))))
(check-sat)
