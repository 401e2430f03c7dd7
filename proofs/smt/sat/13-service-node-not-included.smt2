; Sat check 13 — `s3:*` ⊄ `*:Get*`: a service node below a service wildcard is unsafe.
;
; Claim refuted: `s3:*` ⊆ `*:get*`. Witness e.g. "s3:" or "s3:putobject".
; Expected: sat, with the witness below. proofs/LGG.md §5 P4: for `*:Get*` the service level of the trie
; fails condition (b); Lemma 16 gives the nodes below it that are included.
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun node () RegLan (re.++ (str.to_re "s3:") re.all))
(define-fun entry () RegLan (re.++ re.all (str.to_re ":get") re.all))
(assert (str.in_re x (re.inter node (re.comp entry))))
(check-sat)
(get-model)
