; Lemma 02 — `p*` ⊆ `l*` whenever p extends l, stated in the verifier's regex encoding.
;
; Claim: for all strings l, p with l a prefix of p, every x in (str.to_re p)·re.all is in
; (str.to_re l)·re.all. This is Lemma 1 of proofs/LGG.md in exactly the encoding DESIGN §4
; gives a pattern `literal*` (literal → str.to_re, `*` → re.all), with the literals
; symbolic: one proof for every entry `l*` and every node p below it.
; Discharges: proofs/LGG.md, Lemma 1 (regex form); Theorem 1, O1 for `prefix*` entries.
; Shape: schema, l, p, x symbolic; the regular expressions are not ground.
; known-timeout: z3 4.8.12 (non-ground str.to_re; still running after 5 minutes; also as (l ++ v ++ y) ∈ `l*`).
;   cvc5 1.0.3 and z3-wasm (npm z3-solver 5.2.0, Z3 5.1) prove it.
;   Lemma 01 proves the same fact in plain string logic in both solvers.
(set-info :status unsat)
(set-logic QF_S)
(declare-const l String)
(declare-const p String)
(declare-const x String)
(assert (str.prefixof l p))
(assert (str.in_re x (re.++ (str.to_re p) re.all)))
(assert (not (str.in_re x (re.++ (str.to_re l) re.all))))
(check-sat)
