; Lemma 02 — `p*` ⊆ `l*` whenever p extends l, stated in the verifier's regex encoding.
;
; Claim: for all strings l, p with l a prefix of p, every x in (str.to_re p)·re.all is in
; (str.to_re l)·re.all. This is Lemma 1 of proofs/LGG.md in exactly the encoding DESIGN §4
; gives a pattern `literal*` (literal → str.to_re, `*` → re.all), with the literals
; symbolic: one proof for every entry `l*` and every node p below it.
; Discharges: proofs/LGG.md, Lemma 1 (regex form); Theorem 1, O1 for `prefix*` entries.
;
; Stated over the words of both regular expressions (proofs/README.md, "Rewritten lemmas"). By
; SMT-LIB's meaning of re.++, str.to_re and re.all, the language of (str.to_re s)·re.all is
; exactly the strings s ++ y, y any string (lemma 06 says the same in the other words). So
; the claim is, for all l, p, y with l a prefix of p:  ∃z. p ++ y = l ++ z.
; z := (the rest of p after l) ++ y, i.e. (str.substr p |l| (|p| - |l|)) ++ y, is a witness;
; the negation says it is not: unsat. Nothing is left out: y ranges over every string, so
; every x of the narrow language is one case. Asked as x ∈ narrow ∖ wide with the
; non-ground regexes (also as (l ++ v ++ y) ∈ `l*`), the claim was past Z3 4.8.12 (no
; procedure for str.to_re of a symbolic string); cvc5 1.0.3 and z3-wasm proved that form too.
; Lemma 01 is the same fact as prefixes (str.prefixof).
; Shape: schema, l, p, y symbolic; no regular expression left.
(set-info :status unsat)
(set-logic QF_SLIA)
(declare-const l String)
(declare-const p String)
(declare-const y String)
(define-fun word () String (str.++ p y))
(define-fun rest () String (str.++ (str.substr p (str.len l) (- (str.len p) (str.len l))) y))
(assert (str.prefixof l p))
(assert (not (= word (str.++ l rest))))
(check-sat)
