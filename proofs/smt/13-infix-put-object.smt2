; Lemma 13 — infix inclusion: `s3:put*object` ⊆ `s3:*object*`.
;
; Claim: no string x is in L(`s3:put*object`) \ L(`s3:*object*`) (all strings, not only catalog actions).
; Why: x = "s3:put" u "object" reads as "s3:" (put u) "object" "" (the trailing `*` takes the empty run).
; Discharges: DESIGN §4's infix cases; proofs/LGG.md §5 (infix entries: the walk's condition (b)
; is decided by engine/match/action_pattern.cpp includes_all_with_prefix, and the verifier's O1 must be
; able to prove inclusions of this shape, e.g. for the result of a non-`aws` strategy).
; Shape: concrete patterns, x symbolic, asked as ONE membership x ∈ A ∩ comp(B).
; known-timeout: z3 4.8.12 (no answer within 20 s in either form: one membership or two
;   assertions). cvc5 1.0.3 proves it in < 0.3 s.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun narrow () RegLan (re.++ (str.to_re "s3:put") re.all (str.to_re "object")))
(define-fun wide () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all))
(assert (str.in_re x (re.inter narrow (re.comp wide))))
(check-sat)
