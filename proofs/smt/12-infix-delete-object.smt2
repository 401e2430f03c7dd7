; Lemma 12 — infix inclusion: `s3:delete*object*` ⊆ `s3:*object*`.
;
; Claim: no string x is in L(`s3:delete*object*`) \ L(`s3:*object*`) (all strings, not only catalog actions).
; Why: every x = "s3:delete" u "object" v also reads as "s3:" (delete u) "object" v.
; Discharges: DESIGN §4's infix cases; proofs/LGG.md §5 (infix entries: the walk's condition (b)
; is decided by engine/match/action_pattern.cpp includes_all_with_prefix, and the verifier's O1 must be
; able to prove inclusions of this shape, e.g. for the result of a non-`aws` strategy).
; Shape: concrete patterns, x symbolic, asked as ONE membership x ∈ A ∩ comp(B).
; Measured: z3 4.8.12 0.3 s in this one-membership form; asked as two assertions (x ∈ narrow,
; x ∉ wide) z3 4.8.12 gives no answer within 20 s (the DESIGN §4 timeout). cvc5 1.0.3 < 0.3 s
; in both forms.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun narrow () RegLan (re.++ (str.to_re "s3:delete") re.all (str.to_re "object") re.all))
(define-fun wide () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all))
(assert (str.in_re x (re.inter narrow (re.comp wide))))
(check-sat)
