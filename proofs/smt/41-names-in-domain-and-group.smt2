; Lemma 41 — a name the builder checked is in the domain and the group: q may leave both out.
;
; verifier/encode/query.h names_in_domain_and_group: a wholly ground query (its drawn literal
; is names only) whose every name w has no character A-Z and whose service (the text before
; w's first `:`) is named by the query's group (for a group of every other service: is not
; named) tests each name against q without the domain and the group. Claim, for every string w
; (here for the group {ec2, s3, s3-outposts}: one service a prefix of another's name):
;   (a) no A-Z in w                       ⇒ w ∈ domain = (re.comp (re.++ re.all [A-Z] re.all));
;   (b) w's service is named by the group ⇒ w ∈ group = (re.++ (ec2: | s3: | s3-outposts:) re.all);
;   (c) w's service is not named          ⇒ w ∉ group (so w is in the complement, an `other` group).
; With (a)-(c), w ∈ domain ∩ group ∩ q' ⇔ w ∈ q' for every such name and every q', and the
; disjunction over the names is unchanged. The negation of each is one disjunct: unsat.
; Discharges: spec/OBLIGATIONS.md assumption E5 (the drawn literal), the names' q.
; known-timeout: z3 4.8.12 (parts (a) and (c) each; (b) alone in 0.1 s). cvc5 proves all
;   three in 1.3 s; the builder's check is also tested against both solvers' memberships in
;   tests/unit/split_queries_test.cpp.
(set-info :status unsat)
(set-logic ALL)
(declare-const w String)
(define-fun domain () RegLan (re.comp (re.++ re.all (re.range "A" "Z") re.all)))
(define-fun group () RegLan (re.++ (re.union (str.to_re "ec2:") (str.to_re "s3:") (str.to_re "s3-outposts:")) re.all))
(define-fun lower () Bool (and (not (str.contains w "A")) (not (str.contains w "B")) (not (str.contains w "C")) (not (str.contains w "D")) (not (str.contains w "E")) (not (str.contains w "F")) (not (str.contains w "G")) (not (str.contains w "H")) (not (str.contains w "I")) (not (str.contains w "J")) (not (str.contains w "K")) (not (str.contains w "L")) (not (str.contains w "M")) (not (str.contains w "N")) (not (str.contains w "O")) (not (str.contains w "P")) (not (str.contains w "Q")) (not (str.contains w "R")) (not (str.contains w "S")) (not (str.contains w "T")) (not (str.contains w "U")) (not (str.contains w "V")) (not (str.contains w "W")) (not (str.contains w "X")) (not (str.contains w "Y")) (not (str.contains w "Z")) ))
(define-fun service () String (str.substr w 0 (str.indexof w ":" 0)))
(define-fun named () Bool
  (and (>= (str.indexof w ":" 0) 0) (or (= service "ec2") (= service "s3") (= service "s3-outposts"))))
(assert (or
  (and lower (not (str.in_re w domain)))
  (and named (not (str.in_re w group)))
  (and (not named) (str.in_re w group))))
(check-sat)
