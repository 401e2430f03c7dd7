; Sat check 14 — widening the seed's `s3:GetObject*` to its parent `s3:Get*` breaks O2.
;
; Claim refuted: `s3:get*` allows no seed-unused action. Witness: an unused action such as
; "s3:getbucketacl" (forced below to one of three of the 22 unused S3 actions).
; Expected: sat, with the witness below. proofs/LGG.md Theorem 2 (ii): a parent node is unsafe because an
; unused action starts with its prefix; widening to it allows that action.
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun parent () RegLan (re.++ (str.to_re "s3:get") re.all))
(define-fun unused () RegLan (re.union (str.to_re "s3:getbucketacl") (str.to_re "s3:getbucketcors") (str.to_re "s3:getbucketpolicy")))
(assert (str.in_re x (re.inter parent unused)))
(check-sat)
(get-model)
