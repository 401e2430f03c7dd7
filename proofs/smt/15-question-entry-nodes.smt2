; Lemma 15 — nodes below an entry with `?` are included in it: `s3:Get*`, `s3:GetObject*` ⊆ `s3:?et*`,
; and `s3:GetObject*` ⊆ `s3:Get?bject*`.
;
; Claim: no string x is in (G1 \ E1) ∪ (G2 \ E1) ∪ (G2 \ E2), where E1 = `s3:?et*`,
; E2 = `s3:get?bject*`, G1 = `s3:get*`, G2 = `s3:getobject*` (lower-cased, all strings).
; For an entry with `?` the trie root is the literal text before the first wildcard (`s3:`),
; which is NOT included in the entry (sat/12: `s3:*` ⊄ `s3:?et*`, witness "s3:"), so the walk
; must check condition (b) at every node with the real language question
; (engine/match/action_pattern.cpp includes_all_with_prefix); below the `?` position the nodes are
; included, as here.
; Discharges: proofs/LGG.md §5 precondition P3 (`?` in an entry): condition (b) holds at the
; nodes the walk emits for `s3:?et*`; O1 for such entries.
; Shape: concrete patterns, x symbolic, one membership.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun e1 () RegLan (re.++ (str.to_re "s3:") re.allchar (str.to_re "et") re.all))
(define-fun e2 () RegLan (re.++ (str.to_re "s3:get") re.allchar (str.to_re "bject") re.all))
(define-fun g1 () RegLan (re.++ (str.to_re "s3:get") re.all))
(define-fun g2 () RegLan (re.++ (str.to_re "s3:getobject") re.all))
(assert (str.in_re x (re.union (re.inter g1 (re.comp e1))
                               (re.inter g2 (re.comp e1))
                               (re.inter g2 (re.comp e2)))))
(check-sat)
