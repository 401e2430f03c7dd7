; Sat check 01 — `*` ⊄ `*:*` over all strings (witness "").
;
; Claim refuted: every string allowed by `*` is allowed by `*:*`. Witness: "" (also any string without a colon).
; Expected: sat, with the witness below. Shows O1 is over all strings, not over well-formed actions:
; an engine that replaced `*` by `*:*` would fail O1 (DESIGN §4); proofs/LGG.md Theorem 2 (i).
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun star () RegLan re.all)
(define-fun starcolonstar () RegLan (re.++ re.all (str.to_re ":") re.all))
(assert (str.in_re x (re.inter star (re.comp starcolonstar))))
(check-sat)
(get-model)
