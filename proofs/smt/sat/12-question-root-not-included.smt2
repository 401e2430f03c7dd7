; Sat check 12 — `s3:*` ⊄ `s3:?et*`: the root of an entry with `?` is unsafe (witness "s3:").
;
; Claim refuted: `s3:*` ⊆ `s3:?et*`. Witnesses: "s3:", "s3:put…".
; Expected: sat, with the witness below. proofs/LGG.md §5 P3: for an entry with `?` the root node fails
; condition (b), so the walk never emits the root; the nodes of Lemma 15 are what it emits.
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun root () RegLan (re.++ (str.to_re "s3:") re.all))
(define-fun entry () RegLan (re.++ (str.to_re "s3:") re.allchar (str.to_re "et") re.all))
(assert (str.in_re x (re.inter root (re.comp entry))))
(check-sat)
(get-model)
