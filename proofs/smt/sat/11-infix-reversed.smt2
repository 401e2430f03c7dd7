; Sat check 11 — `s3:*object*` ⊄ `s3:delete*object*` (the converse of Lemma 12).
;
; Claim refuted: `s3:*object*` ⊆ `s3:delete*object*`. Witness e.g. "s3:getobject".
; Expected: sat, with the witness below. Shows Lemma 12 is not vacuously unsat in its encoding.
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun narrow () RegLan (re.++ (str.to_re "s3:delete") re.all (str.to_re "object") re.all))
(define-fun wide () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all))
(assert (str.in_re x (re.inter wide (re.comp narrow))))
(check-sat)
(get-model)
