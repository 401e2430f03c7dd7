; Lemma 20 — the scope-atom reduction: per-scope obligations imply the policy-level ones.
;
; Claim (3 scopes): let p1..p3 be the scope atoms (one per distinct Principal/Resource/Condition
; block, DESIGN §4) and, for a fixed action x, rK, oK, dK whether x is allowed by the result's
; Allow statements of scope K, the original's, and denied by the (shared, O0) Deny statements
; of scope K; u: x is unused; c: x is a catalog action. If every per-scope obligation holds,
;   O1_K: ¬(rK ∧ ¬oK ∧ ¬dK)   O2_K: ¬(u ∧ rK ∧ ¬dK)   O3_K: ¬(c ∧ ¬u ∧ oK ∧ ¬dK ∧ ¬rK),
; then no assignment of the atoms gives a policy-level counterexample:
;   O1: A_R ∧ ¬D ∧ ¬A_O    O2: u ∧ A_R ∧ ¬D    O3: c ∧ ¬u ∧ A_O ∧ ¬D ∧ ¬A_R
; with A_R = ∨K pK ∧ rK, A_O = ∨K pK ∧ oK, D = ∨K pK ∧ dK.
; The memberships are free Booleans, so the lemma holds for all languages (any glob unions,
; NotAction complements, word sets). The argument for any number of scopes is the one in
; verifier/encode/obligations.h (a counterexample under some assignment is one under the assignment
; that keeps only the atom making its positive term true); this checks it for 3 scopes.
; The converse does not hold (per scope is stricter when two scopes can hold at once, e.g.
; O3 with o1 and r2): a proof per scope is sound; a per-scope counterexample is replayed.
; Discharges: spec/OBLIGATIONS.md assumption S1 (scope atoms) and the reduction in
; verifier/encode/obligations.h marked TRUSTED.
; Shape: propositional.
(set-info :status unsat)
(set-logic QF_UF)
(declare-const u Bool)
(declare-const c Bool)
(declare-const p1 Bool) (declare-const r1 Bool) (declare-const o1 Bool) (declare-const d1 Bool)
(declare-const p2 Bool) (declare-const r2 Bool) (declare-const o2 Bool) (declare-const d2 Bool)
(declare-const p3 Bool) (declare-const r3 Bool) (declare-const o3 Bool) (declare-const d3 Bool)
(define-fun allowed_r () Bool (or (and p1 r1) (and p2 r2) (and p3 r3)))
(define-fun allowed_o () Bool (or (and p1 o1) (and p2 o2) (and p3 o3)))
(define-fun denied () Bool (or (and p1 d1) (and p2 d2) (and p3 d3)))
; every per-scope obligation holds
(assert (not (and r1 (not o1) (not d1))))
(assert (not (and u r1 (not d1))))
(assert (not (and c (not u) o1 (not d1) (not r1))))
(assert (not (and r2 (not o2) (not d2))))
(assert (not (and u r2 (not d2))))
(assert (not (and c (not u) o2 (not d2) (not r2))))
(assert (not (and r3 (not o3) (not d3))))
(assert (not (and u r3 (not d3))))
(assert (not (and c (not u) o3 (not d3) (not r3))))
; a policy-level counterexample to O1, O2 or O3
(assert (or (and allowed_r (not denied) (not allowed_o))
            (and u allowed_r (not denied))
            (and c (not u) allowed_o (not denied) (not allowed_r))))
(check-sat)
