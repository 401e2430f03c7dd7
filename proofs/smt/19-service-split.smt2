; Lemma 19 — a glob whose service part is literal matches only strings of that service.
;
; Claim: no string x is matched by any of `s3:get*`, `s3:*object*`, `s3:?et*`, `s3:getobject`,
; `s3:*` and does NOT start with "s3:"; and no string matched by `iam:*` starts with "s3:".
; The verifier splits every query per service group and drops, inside a group, the globs
; that name another service (verifier/encode/query.h restrict_to_group, marked TRUSTED: "a glob
; whose literal service is `t` matches only strings starting `t:`"). This checks that claim
; for the glob shapes the engine emits and the seed uses.
; Discharges: spec/OBLIGATIONS.md assumption E3 (per-service split), for these shapes.
; Shape: concrete patterns, x symbolic, one membership.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun s3globs () RegLan (re.union (re.++ (str.to_re "s3:get") re.all)
                                        (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all)
                                        (re.++ (str.to_re "s3:") re.allchar (str.to_re "et") re.all)
                                        (str.to_re "s3:getobject")
                                        (re.++ (str.to_re "s3:") re.all)))
(define-fun s3group () RegLan (re.++ (str.to_re "s3:") re.all))
(define-fun iamglobs () RegLan (re.++ (str.to_re "iam:") re.all))
(assert (str.in_re x (re.union (re.inter s3globs (re.comp s3group))
                               (re.inter iamglobs s3group))))
(check-sat)
