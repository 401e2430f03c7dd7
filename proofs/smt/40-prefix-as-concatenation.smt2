; Lemma 40 — `lit*` on x is asked as the membership of "lit" ++ y.
;
; For all strings l, x, y and every predicate P on strings (declared uninterpreted: it holds
; for any P, in particular for P(z) = z ∈ q, the intersection of a query's other conditions):
;   (str.prefixof l x ∧ P(x))  ⇔  ∃y. (x = l ++ y ∧ P(l ++ y)).
; ⇐: x = l ++ y gives str.prefixof l x, and P(l ++ y) is P(x).
; ⇒: y := the rest of x after l (str.substr x |l| (|x| - |l|)) is a witness.
; The negation of each direction is asserted as one disjunct: unsat.
; So the disjunct query_to_smtlib prints for a glob `lit*`,
;   (and (= x (str.++ "lit" y)) (str.in_re (str.++ "lit" y) q)),
; is satisfiable exactly when (and (str.prefixof "lit" x) (str.in_re x q)) is (lemmas 25, 27,
; 03 and 06 relate that one to the query's one membership), with the same x. Both solvers'
; rewriters take the derivative of q by the constant "lit" before any search: measured on
; ReadOnlyAccess's 514 O1 texts of one `lit*` pattern (Z3 4.8.12, simple solver, one context,
; CPU): 9.8 s with str.prefixof, 0.44 s as a concatenation.
; Discharges: spec/OBLIGATIONS.md assumption E5 (the drawn literal), the `lit*` disjunct.
(set-info :status unsat)
(set-logic ALL)
(declare-const l String)
(declare-const x String)
(declare-const y String)
(declare-fun P (String) Bool)
(define-fun rest () String (str.substr x (str.len l) (- (str.len x) (str.len l))))
(assert (or
  ; ⇐ fails: x = l ++ y and P(l ++ y), yet not (l a prefix of x and P(x))
  (and (= x (str.++ l y)) (P (str.++ l y)) (not (and (str.prefixof l x) (P x))))
  ; ⇒ fails: l a prefix of x and P(x), yet the rest of x is no witness
  (and (str.prefixof l x) (P x) (not (and (= x (str.++ l rest)) (P (str.++ l rest)))))))
(check-sat)
