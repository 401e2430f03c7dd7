; Lemma 13 — infix inclusion: `s3:put*object` ⊆ `s3:*object*`.
;
; Claim: no string x is in L(`s3:put*object`) \ L(`s3:*object*`) (all strings, not only catalog actions).
; Stated over the words of the narrow pattern: L(`s3:put*object`) is, by SMT-LIB's meaning of
; re.++, str.to_re and re.all, exactly the strings "s3:put" ++ u ++ "object" for u any string,
; so "for every u, "s3:put" ++ u ++ "object" ∈ wide" is the claim itself, for all x (no case is
; left out: u ranges over every string). Asked as x ∈ narrow ∩ comp(wide), the same question
; was past Z3 4.8.12 (no answer within 20 s in either form); in this form all three solvers
; answer at once (proofs/README.md, "Rewritten lemmas").
; Why: "s3:put" u "object" reads as "s3:" (put u) "object" "" (the trailing `*` takes the empty run).
; Discharges: DESIGN §4's infix cases; proofs/LGG.md §5 (infix entries: the walk's condition (b)
; is decided by engine/match/action_pattern.cpp includes_all_with_prefix, and the verifier's O1 must be
; able to prove inclusions of this shape, e.g. for the result of a non-`aws` strategy).
; Shape: concrete patterns, the narrow pattern's star run u symbolic, one membership in comp(wide).
(set-info :status unsat)
(set-logic QF_S)
(declare-const u String)
(define-fun wide () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all))
(assert (str.in_re (str.++ "s3:put" u "object") (re.comp wide)))
(check-sat)
