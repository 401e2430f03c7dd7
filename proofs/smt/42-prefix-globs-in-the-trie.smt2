; Lemma 42 — `lit*` globs join the prefix tree as prefixes that end in re.all: the laws.
;
; verifier/encode/query.cpp language_regex (certificate format 5) prints a union's `lit*` globs
; (no wildcard but one trailing `*`) not one by one, as (re.++ (str.to_re "lit") re.all), but in
; the union's one prefix tree with its words and wildcard-free globs (prefix_tree_regex): the
; node where "lit" ends is re.all, and whatever lies below it (longer words and prefixes) is
; left out. Two laws make that the same language:
;   (a) left factoring: l·X ∪ l·Y = l·(X ∪ Y) (the tree shares the common prefix l), and
;   (b) absorption: l·Σ* ∪ l·Y = l·Σ* (what a prefix node's subtree adds is in already),
; for all strings l, x and all languages X, Y (declared uninterpreted predicates on the rest
; of x after l: they hold for any X, Y). The negation of each direction of each law is asserted
; as one disjunct, the witness of an existential given as in lemma 40 (the rest of x after l).
; Lemma 43 checks the construction on real unions.
; Measured (Z3 4.8.12, CPU): AdministratorAccess's O3 of ec2 42.7 s with each `lit*` its own
; item, 0.13 s in the tree; ReadOnlyAccess's O2 of ec2 0.47 s, 0.008 s; the command-line z3 of
; check-certificate on ReadOnlyAccess's O3 of ec2 7.2 s, 0.2 s (bench/reports/z3-judge.md §7).
; Discharges: spec/OBLIGATIONS.md assumption E2 (the encoding of a union of globs).
(set-info :status unsat)
(set-logic ALL)
(declare-const l String)
(declare-const x String)
(declare-const y String)
(declare-fun X (String) Bool)
(declare-fun Y (String) Bool)
(define-fun rest () String (str.substr x (str.len l) (- (str.len x) (str.len l))))
(assert (or
  ; (a) ⇒ fails: x = l ++ y with X(y) or Y(y), yet the rest of x is in neither l·X nor l·Y
  (and (= x (str.++ l y)) (or (X y) (Y y)) (not (or (and (= x (str.++ l rest)) (X rest)) (and (= x (str.++ l rest)) (Y rest)))))
  ; (a) ⇐ fails: x = l ++ y with X(y) (or Y(y)), yet the rest of x is not in X ∪ Y
  (and (= x (str.++ l y)) (X y) (not (and (= x (str.++ l rest)) (or (X rest) (Y rest)))))
  (and (= x (str.++ l y)) (Y y) (not (and (= x (str.++ l rest)) (or (X rest) (Y rest)))))
  ; (b) fails: x = l ++ y with Y(y), yet l is no prefix of x (l·Y adds to l·Σ*)
  (and (= x (str.++ l y)) (Y y) (not (str.prefixof l x)))))
(check-sat)
