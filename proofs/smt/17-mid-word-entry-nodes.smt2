; Lemma 17 — an entry ending mid-word includes the word-aligned nodes below its root:
; `s3:Get*`, `s3:GetObject*` ⊆ `s3:Ge*`.
;
; Claim: no string x is in (G1 \ E) ∪ (G2 \ E), E = `s3:ge*` (lower-cased, all strings).
; For `s3:Ge*` the trie root is the literal text "s3:ge" (not a token boundary) and its
; children are the next token boundaries (`s3:Get`, `s3:Geo…`), all of which extend the root,
; so condition (b) holds at every node by Lemma 1 (files 01, 02); this is the concrete
; instance in the verifier's encoding, in both solvers.
; Discharges: proofs/LGG.md §5 precondition P1 (entries ending mid-word); O1 for such entries.
; Shape: concrete patterns, x symbolic, one membership.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun e () RegLan (re.++ (str.to_re "s3:ge") re.all))
(define-fun g1 () RegLan (re.++ (str.to_re "s3:get") re.all))
(define-fun g2 () RegLan (re.++ (str.to_re "s3:getobject") re.all))
(assert (str.in_re x (re.union (re.inter g1 (re.comp e)) (re.inter g2 (re.comp e)))))
(check-sat)
