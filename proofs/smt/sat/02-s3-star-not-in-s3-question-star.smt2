; Sat check 02 — `s3:*` ⊄ `s3:?*` (witness "s3:").
;
; Claim refuted: `s3:*` ⊆ `s3:?*`. Witness: "s3:" (`*` matches the empty run, `?` does not).
; Expected: sat, with the witness below. SEMANTICS.md rules M1/M2; the bounded lemmas 07/08 would miss an
; encoding of `*` as "one or more" only if no pattern exercised the empty run, and this check does.
(set-info :status sat)
(set-logic QF_S)
(declare-const x String)
(define-fun a () RegLan (re.++ (str.to_re "s3:") re.all))
(define-fun b () RegLan (re.++ (str.to_re "s3:") re.allchar re.all))
(assert (str.in_re x (re.inter a (re.comp b))))
(check-sat)
(get-model)
