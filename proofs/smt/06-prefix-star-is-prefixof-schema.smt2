; Lemma 06 — the encoding of `p*` is "starts with p", for every p.
;
; Claim: for all strings p, x:  x ∈ (str.to_re p)·re.all  ⇔  (str.prefixof p x).
; The general form of Lemma 03: every node prefix p of every token trie, not only the seed's.
; With it, safety condition (a) of proofs/LGG.md ("no unused action starts with p", which is
; what model/findings.cpp UnusedFindings::prefix_reaches_unused computes with a sorted
; lower_bound) is the same as "`p*` matches no unused action" (what O2 asks of the regex).
; It also gives the O2 half of Theorem 2: if an unused u starts with q, `q*` allows u.
; Discharges: proofs/LGG.md, Lemma 2; Theorem 1 (O2), Theorem 2 case (ii).
; Shape: schema, p and x symbolic; the regular expression is not ground.
; known-timeout: z3 4.8.12 (non-ground str.to_re; also each direction alone). cvc5 1.0.3 and z3-wasm
;   (npm z3-solver 5.2.0, Z3 5.1) prove it; Lemma 03 gives z3 the
;   concrete roots.
(set-info :status unsat)
(set-logic QF_S)
(declare-const p String)
(declare-const x String)
(assert (distinct (str.in_re x (re.++ (str.to_re p) re.all)) (str.prefixof p x)))
(check-sat)
