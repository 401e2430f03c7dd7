; Lemma 50 — the no-new-access reduction: per-scope (N1, N3) and per-pair-of-scopes (N2)
; obligations imply that the candidate policy allows no request the reference does not.
;
; Claim (3 scope atoms, scope 1's Resource included in scope 2's, so p1 → p2; ↑1 = {1,2},
; ↑2 = {2}, ↑3 = {3}): for a fixed action x let nK, dnK say whether the candidate's Allow /
; Deny statements of scope K match x, rK, drK the reference's, g whether x is listed in
; --access-not-granted. A request is an assignment of the atoms that respects p1 → p2. With
;   A_N = ∨K pK ∧ nK   D_N = ∨K pK ∧ dnK   A_R = ∨K pK ∧ rK   D_R = ∨K pK ∧ drK
; if every obligation of verifier/access/access_queries.h holds,
;   N1_s:   ¬(n_s ∧ ¬DN_↑s ∧ ¬R_↑s)
;   N2_s,t: ¬(n_s ∧ dr_t ∧ ¬DN_(↑s ∪ ↑t))
;   N3_s:   ¬(g ∧ n_s ∧ ¬DN_↑s)
; (X_S: the disjunction of xK for K in S), then no request is a counterexample:
;   (A_N ∧ ¬D_N ∧ ¬(A_R ∧ ¬D_R))   nor   (g ∧ A_N ∧ ¬D_N).
; The memberships are free Booleans, so the lemma holds for all languages (glob unions,
; NotAction complements) on both sides. The argument for any number of atoms is in
; access_queries.h: a counterexample under a closed assignment P is one under the least closed
; set keeping its positive terms true (↑s, or ↑s ∪ ↑t for a reference Deny's atom t), since the
; negated terms are monotone. Without the pairs (N2 only with s = t) the lemma fails: see
; proofs/smt/sat/50-no-new-access-without-pairs.smt2.
; Discharges: spec/OBLIGATIONS.md "No new access" (R1-R3), the reduction marked TRUSTED in
; verifier/access/access_queries.h.
; Shape: propositional.
(set-info :status unsat)
(set-logic QF_UF)
(declare-const g Bool)
(declare-const p1 Bool) (declare-const n1 Bool) (declare-const dn1 Bool) (declare-const r1 Bool) (declare-const dr1 Bool)
(declare-const p2 Bool) (declare-const n2 Bool) (declare-const dn2 Bool) (declare-const r2 Bool) (declare-const dr2 Bool)
(declare-const p3 Bool) (declare-const n3 Bool) (declare-const dn3 Bool) (declare-const r3 Bool) (declare-const dr3 Bool)
; the requests: atom assignments closed under the implication p1 → p2
(assert (=> p1 p2))
(define-fun allowed_n () Bool (or (and p1 n1) (and p2 n2) (and p3 n3)))
(define-fun denied_n () Bool (or (and p1 dn1) (and p2 dn2) (and p3 dn3)))
(define-fun allowed_r () Bool (or (and p1 r1) (and p2 r2) (and p3 r3)))
(define-fun denied_r () Bool (or (and p1 dr1) (and p2 dr2) (and p3 dr3)))
; every obligation holds
(assert (not (and n1 (not (or dn1 dn2)) (not (or r1 r2)))))  ; N1_1
(assert (not (and g n1 (not (or dn1 dn2)))))  ; N3_1
(assert (not (and n1 dr1 (not (or dn1 dn2)))))  ; N2_1,1
(assert (not (and n1 dr2 (not (or dn1 dn2)))))  ; N2_1,2
(assert (not (and n1 dr3 (not (or dn1 dn2 dn3)))))  ; N2_1,3
(assert (not (and n2 (not dn2) (not r2))))  ; N1_2
(assert (not (and g n2 (not dn2))))  ; N3_2
(assert (not (and n2 dr1 (not (or dn1 dn2)))))  ; N2_2,1
(assert (not (and n2 dr2 (not dn2))))  ; N2_2,2
(assert (not (and n2 dr3 (not (or dn2 dn3)))))  ; N2_2,3
(assert (not (and n3 (not dn3) (not r3))))  ; N1_3
(assert (not (and g n3 (not dn3))))  ; N3_3
(assert (not (and n3 dr1 (not (or dn1 dn2 dn3)))))  ; N2_3,1
(assert (not (and n3 dr2 (not (or dn2 dn3)))))  ; N2_3,2
(assert (not (and n3 dr3 (not dn3))))  ; N2_3,3
; a request the candidate allows and the reference does not, or a listed action it allows
(assert (or (and allowed_n (not denied_n) (not (and allowed_r (not denied_r))))
            (and g allowed_n (not denied_n))))
(check-sat)
