; Lemma 16 — nodes below a service-part wildcard are included in the entry:
; `s3:Get*`, `s3:GetObject*`, `iam:GetUser` ⊆ `*:Get*`.
;
; Claim: no string x is in (G1 \ E) ∪ (G2 \ E) ∪ ({"iam:getuser"} \ E), E = `*:get*`.
; For `*:Get*` the trie's root is "" and its first level is the service (`s3:`, `iam:`, …);
; the service nodes themselves are NOT included (sat/13: `s3:*` ⊄ `*:get*`, witness "s3:"),
; so they are unsafe by condition (b) and the walk goes on to the token level, where nodes
; such as `s3:Get` are included, as here.
; Discharges: proofs/LGG.md §5 precondition P4 (service-part wildcards): condition (b) at the
; nodes the walk emits for `*:Get*`; O1 for such entries.
; Shape: concrete patterns, x symbolic, one membership.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun e () RegLan (re.++ re.all (str.to_re ":get") re.all))
(define-fun g1 () RegLan (re.++ (str.to_re "s3:get") re.all))
(define-fun g2 () RegLan (re.++ (str.to_re "s3:getobject") re.all))
(define-fun g3 () RegLan (str.to_re "iam:getuser"))
(assert (str.in_re x (re.union (re.inter g1 (re.comp e))
                               (re.inter g2 (re.comp e))
                               (re.inter g3 (re.comp e)))))
(check-sat)
