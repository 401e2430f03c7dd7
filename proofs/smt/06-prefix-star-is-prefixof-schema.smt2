; Lemma 06 — the encoding of `p*` is "starts with p", for every p.
;
; Claim: for all strings p, x:  x ∈ (str.to_re p)·re.all  ⇔  (str.prefixof p x).
; The general form of Lemma 03: every node prefix p of every token trie, not only the seed's.
; With it, safety condition (a) of proofs/LGG.md ("no unused action starts with p", which is
; what model/findings.cpp UnusedFindings::prefix_reaches_unused computes with a sorted
; lower_bound) is the same as "`p*` matches no unused action" (what O2 asks of the regex).
; It also gives the O2 half of Theorem 2: if an unused u starts with q, `q*` allows u.
; Discharges: proofs/LGG.md, Lemma 2; Theorem 1 (O2), Theorem 2 case (ii).
;
; Stated over the words of the regular expression (proofs/README.md, "Rewritten lemmas"). By
; SMT-LIB's meaning of re.++ (concatenation of languages), str.to_re (the one-word language
; {p}) and re.all (every string), the language of (str.to_re p)·re.all is exactly the set of
; strings p ++ y, y any string. So the claim is, for all p, x:
;   (∃y. x = p ++ y)  ⇔  (str.prefixof p x)
; ⇒: for all p, y: p is a prefix of p ++ y;
; ⇐: for all p, x with p a prefix of x, y := the rest of x after p (str.substr x |p| (|x| - |p|))
;    is a y with x = p ++ y (a witness: the existential holds).
; The negation of each direction is one disjunct: unsat. Nothing is left out: y and x range
; over every string. Asked as the membership of x in the non-ground regex, the same claim was
; past Z3 4.8.12 (no procedure for str.to_re of a symbolic string; also each direction alone);
; cvc5 1.0.3 and z3-wasm proved that form too.
; Shape: schema, p, x, y symbolic; no regular expression left.
(set-info :status unsat)
(set-logic QF_SLIA)
(declare-const p String)
(declare-const x String)
(declare-const y String)
(define-fun rest () String (str.substr x (str.len p) (- (str.len x) (str.len p))))
(assert (or
  ; ⇒ fails: x = p ++ y, yet p is not a prefix of x
  (not (str.prefixof p (str.++ p y)))
  ; ⇐ fails: p is a prefix of x, yet the rest of x is no witness
  (and (str.prefixof p x) (not (= x (str.++ p rest))))))
(check-sat)
