; Sat check 05 — Lemma 01 needs its hypothesis: without "p extends l", `p*` ⊄ `l*`.
;
; Claim refuted: for all l, p, x: if x starts with p then x starts with l. (Lemma 01 without
; (str.prefixof l p).) Any model with p = "s3:list", l = "s3:get" is a witness, e.g. x = p.
; Expected: sat. Shows the schema lemmas 01/02 are not vacuous: their hypothesis does work.
(set-info :status sat)
(set-logic QF_S)
(declare-const l String)
(declare-const p String)
(declare-const x String)
(assert (not (str.prefixof l p)))
(assert (str.prefixof p x))
(assert (not (str.prefixof l x)))
(check-sat)
(get-model)
