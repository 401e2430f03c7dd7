; Sat check 04 — `s3:GetObject*` reaches strings outside the word-aligned subtree of s3:GetObject.
;
; Claim refuted: every string `s3:getobject*` matches is s3:getobject or continues it at a word boundary.
; After lower-casing a word boundary is invisible: "s3:getobjects" (not a word continuation of
; GetObject) is matched. Witness forced: x = "s3:getobjects".
; Expected: sat, with the witness below. This is why proofs/LGG.md checks safety condition (a) with the real
; string prefix (model/findings.cpp prefix_reaches_unused), not with the trie subtree: were an
; unused action s3:GetObjects in U, the node s3:GetObject would be unsafe (§2, first remark).
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun p () RegLan (re.++ (str.to_re "s3:getobject") re.all))
(assert (and (str.in_re x p) (= x "s3:getobjects")))
(check-sat)
(get-model)
