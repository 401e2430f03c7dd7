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
; disjunction over the names is unchanged. Discharges: spec/OBLIGATIONS.md assumption E5 (the
; drawn literal), the names' q.
;
; Asked as three questions (push/pop; each must be unsat), (a) and (c) over the words of a
; regular expression (proofs/README.md, "Rewritten lemmas"):
;   (a) as its contrapositive, w ∉ domain ⇒ not lower(w). w ∉ domain is w ∈ re.all·[A-Z]·re.all,
;       whose words are, by SMT-LIB's meaning of re.++, re.all and re.range, exactly the
;       strings u ++ c ++ v with u, v any strings and c a one-character string in [A-Z]
;       (c ∈ (re.range "A" "Z"), a ground membership, kept). Negation: lower(u ++ c ++ v).
;   (b) as stated, over w.
;   (c) as its contrapositive, w ∈ group ⇒ named(w). The words of group are exactly
;       "ec2:" ++ y, "s3:" ++ y and "s3-outposts:" ++ y, y any string. Negation: one of the
;       three is not named.
; Nothing is left out: u, c, v, y range over every string (c over every letter A-Z). Asked as
; one disjunction over w, (a) and (c) were past Z3 4.8.12 (each alone too); so was (a)-(c) over
; these words as one disjunction, while each question alone takes z3 under 0.5 s.
; z3-wasm 5.2.0 (a bonus opinion) answers (b) and gives up on (a) and (c) within 5 s each.
; The builder's check is also tested against both solvers' memberships in
; tests/unit/split_queries_test.cpp.
(set-info :status unsat)
(set-logic ALL)
(define-fun lower ((s String)) Bool
  (and (not (str.contains s "A")) (not (str.contains s "B")) (not (str.contains s "C")) (not (str.contains s "D")) (not (str.contains s "E")) (not (str.contains s "F")) (not (str.contains s "G")) (not (str.contains s "H")) (not (str.contains s "I")) (not (str.contains s "J")) (not (str.contains s "K")) (not (str.contains s "L")) (not (str.contains s "M")) (not (str.contains s "N")) (not (str.contains s "O")) (not (str.contains s "P")) (not (str.contains s "Q")) (not (str.contains s "R")) (not (str.contains s "S")) (not (str.contains s "T")) (not (str.contains s "U")) (not (str.contains s "V")) (not (str.contains s "W")) (not (str.contains s "X")) (not (str.contains s "Y")) (not (str.contains s "Z"))))
(define-fun service ((s String)) String (str.substr s 0 (str.indexof s ":" 0)))
(define-fun named ((s String)) Bool
  (and (>= (str.indexof s ":" 0) 0) (or (= (service s) "ec2") (= (service s) "s3") (= (service s) "s3-outposts"))))
(define-fun group () RegLan (re.++ (re.union (str.to_re "ec2:") (str.to_re "s3:") (str.to_re "s3-outposts:")) re.all))
; (a) a word of re.all·[A-Z]·re.all (not in the domain) with no A-Z
(push 1)
(declare-const u String)
(declare-const c String)
(declare-const v String)
(assert (str.in_re c (re.range "A" "Z")))
(assert (lower (str.++ u c v)))
(check-sat)
(pop 1)
; (b) a named service outside the group
(push 1)
(declare-const w String)
(assert (named w))
(assert (not (str.in_re w group)))
(check-sat)
(pop 1)
; (c) a word of the group whose service is not named
(push 1)
(declare-const y String)
(assert (or (not (named (str.++ "ec2:" y))) (not (named (str.++ "s3:" y))) (not (named (str.++ "s3-outposts:" y)))))
(check-sat)
(pop 1)
