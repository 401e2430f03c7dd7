; Lemma 43 — `lit*` globs in the prefix tree, on real unions.
;
; Claim: for each union below, its glob-by-glob encoding (plainN: each `lit*` as
; (re.++ (str.to_re "lit") re.all), the wildcard-free globs as str.to_re) and the prefix tree
; of certificate format 5 (treeN: words and prefixes in one tree, a prefix's node re.all and
; what lies below it left out; verifier/encode/query.h prefix_tree_regex, lemma 42's laws),
; written by a second, independent implementation of the construction, are the same language:
; no x is in the symmetric difference of the two, for any of them.
;   L1 = the seed result's s3 statement (lemma 26's L1: 10 patterns, 5 of them `lit*`);
;   L3 = the complement of lemma 18's NotAction result (lemma 26's L3), as an Allow+NotAction
;        statement contributes it;
;   L4 = nested prefixes and words below and beside them (`s3:get*` absorbs `s3:getobject*`,
;        `s3:getobject` and `s3:getbucket`; `s3:lis` is a word where the prefix `s3:list*`
;        passes), the case tests/differential/z3_encoding_differential_test.cpp checks the
;        printed tree of.
; Discharges: spec/OBLIGATIONS.md assumption E2 (the encoding of a union of globs).
(set-info :status unsat)
(set-logic QF_S)
(declare-const x String)
(define-fun plain1 () RegLan (re.union (re.++ (str.to_re "s3:getaccess") re.all) (str.to_re "s3:getaccountpublicaccessblock") (str.to_re "s3:getbucketabac") (str.to_re "s3:getbucketmetadatatableconfiguration") (str.to_re "s3:getdataaccess") (str.to_re "s3:getjobtagging") (re.++ (str.to_re "s3:getmulti") re.all) (re.++ (str.to_re "s3:getobject") re.all) (re.++ (str.to_re "s3:getstorage") re.all) (re.++ (str.to_re "s3:list") re.all)))
(define-fun tree1 () RegLan (re.++ (str.to_re "s3:") (re.union (re.++ (str.to_re "get") (re.union (re.++ (str.to_re "acc") (re.union (re.++ (str.to_re "ess") re.all) (str.to_re "ountpublicaccessblock"))) (re.++ (str.to_re "bucket") (re.union (str.to_re "abac") (str.to_re "metadatatableconfiguration"))) (str.to_re "dataaccess") (str.to_re "jobtagging") (re.++ (str.to_re "multi") re.all) (re.++ (str.to_re "object") re.all) (re.++ (str.to_re "storage") re.all))) (re.++ (str.to_re "list") re.all))))
(define-fun plain3 () RegLan (re.comp (re.union (re.++ (str.to_re "iam:") re.all) (re.++ (str.to_re "ec2:") re.all) (str.to_re "lambda:addpermission") (str.to_re "s3:getbucketacl") (str.to_re "s3:getbucketcors") (re.++ (str.to_re "s3:getbucketpolicy") re.all) (str.to_re "s3:getobjecttorrent") (str.to_re "s3:getobjectversiontorrent") (str.to_re "s3:putbucketpolicy"))))
(define-fun tree3 () RegLan (re.comp (re.union (re.++ (str.to_re "ec2:") re.all) (re.++ (str.to_re "iam:") re.all) (str.to_re "lambda:addpermission") (re.++ (str.to_re "s3:") (re.union (re.++ (str.to_re "get") (re.union (re.++ (str.to_re "bucket") (re.union (str.to_re "acl") (str.to_re "cors") (re.++ (str.to_re "policy") re.all))) (re.++ (str.to_re "object") (re.union (str.to_re "torrent") (str.to_re "versiontorrent"))))) (str.to_re "putbucketpolicy"))))))
(define-fun plain4 () RegLan (re.union (re.++ (str.to_re "s3:get") re.all) (re.++ (str.to_re "s3:getobject") re.all) (str.to_re "s3:getobject") (re.++ (str.to_re "s3:list") re.all) (str.to_re "s3:getbucket") (str.to_re "s3:lis")))
(define-fun tree4 () RegLan (re.++ (str.to_re "s3:") (re.union (re.++ (str.to_re "get") re.all) (re.++ (str.to_re "lis") (re.union (str.to_re "") (re.++ (str.to_re "t") re.all))))))
(assert
  ; (c) the real unions: plain and tree differ somewhere
  (str.in_re x (re.union
    (re.inter plain1 (re.comp tree1)) (re.inter tree1 (re.comp plain1))
    (re.inter plain3 (re.comp tree3)) (re.inter tree3 (re.comp plain3))
    (re.inter plain4 (re.comp tree4)) (re.inter tree4 (re.comp plain4)))))
(check-sat)
