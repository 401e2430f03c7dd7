; Sat check 03 — `s3*` ⊄ `s3:*` (witnesses "s3", "s3express:…").
;
; Claim refuted: `s3*` ⊆ `s3:*`. Witnesses: "s3", "s3express:createsession", "s3outposts:…".
; Expected: sat, with the witness below. A pattern whose literal part has no colon is not a service
; pattern: it reaches other services. proofs/LGG.md §5 P4 and Lemma 19 (the service split).
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun a () RegLan (re.++ (str.to_re "s3") re.all))
(define-fun b () RegLan (re.++ (str.to_re "s3:") re.all))
(assert (str.in_re x (re.inter a (re.comp b))))
(check-sat)
(get-model)
