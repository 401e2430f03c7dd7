; Lemma 03 — the encoding of `p*` is "starts with p" (concrete roots, both solvers).
;
; Claim: for p ∈ {"", "s3:", "s3:get", "s3:list"} and all strings x:
;   x ∈ (str.to_re p)·re.all  ⇔  (str.prefixof p x).
; proofs/LGG.md reasons about `p*` as "every string that starts with p" (condition (a): no
; unused action starts with p ⇔ `p*` matches no unused action). This ties that reading to the
; regex the verifier emits for `p*` (verifier/encode/query.h glob_regex) at the roots the seed walk
; starts from: `*` (""), a service node (`s3:`) and the entry roots of `s3:Get*`, `s3:List*`.
; Lemma 06 proves it for every p (symbolic) in cvc5.
; Discharges: proofs/LGG.md, Lemma 2 (prefix reading of `p*`), used in Theorems 1 and 2.
; Shape: concrete prefixes, one symbolic x (the disjunction asks for one string on which some
; p's two readings differ).
; Measured: with the four emitted seed nodes (s3:getaccess, s3:getmulti, s3:getobject,
;   s3:getstorage) in the same disjunction z3 4.8.12 times out (> 10 s) while cvc5 takes
;   0.3 s; each alone is < 1 s in both. So this file keeps the four roots only.
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(assert (or
  (distinct (str.in_re x (re.++ (str.to_re "") re.all)) (str.prefixof "" x))
  (distinct (str.in_re x (re.++ (str.to_re "s3:") re.all)) (str.prefixof "s3:" x))
  (distinct (str.in_re x (re.++ (str.to_re "s3:get") re.all)) (str.prefixof "s3:get" x))
  (distinct (str.in_re x (re.++ (str.to_re "s3:list") re.all)) (str.prefixof "s3:list" x))))
(check-sat)
