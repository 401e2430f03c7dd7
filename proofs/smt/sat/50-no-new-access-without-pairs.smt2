; Lemma 50 without the pairs: N2 asked only with s = t (a reference Deny in the candidate
; Allow's own scope) misses a Deny in another scope that a request can hit as well, so a
; policy-level counterexample remains: `sat`. (A reference Deny of scope 3 and a candidate Allow
; of scope 1: a request hitting atoms 1, 2 and 3 is allowed by the candidate and denied by the
; reference.) Shows the pairs in proofs/smt/50-no-new-access-reduction.smt2 are needed.
; Shape: propositional.
(set-info :status sat)
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
(assert (not (and n2 (not dn2) (not r2))))  ; N1_2
(assert (not (and g n2 (not dn2))))  ; N3_2
(assert (not (and n2 dr2 (not dn2))))  ; N2_2,2
(assert (not (and n3 (not dn3) (not r3))))  ; N1_3
(assert (not (and g n3 (not dn3))))  ; N3_3
(assert (not (and n3 dr3 (not dn3))))  ; N2_3,3
; a request the candidate allows and the reference does not, or a listed action it allows
(assert (or (and allowed_n (not denied_n) (not (and allowed_r (not denied_r))))
            (and g allowed_n (not denied_n))))
(check-sat)
