// Queries and their regular-expression encoding; see query.h.
#include "verifier/encode/query.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace leastpriv::verifier {

namespace {

Regex leaf(Regex::Kind kind, std::string text = {}) { return Regex{kind, std::move(text), {}}; }

Regex node(Regex::Kind kind, std::vector<Regex> children) {
  if (kind == Regex::Kind::kConcat) {
    if (children.empty()) return leaf(Regex::Kind::kLiteral, "");
    if (children.size() == 1) return std::move(children.front());
  }
  if (kind == Regex::Kind::kUnion) {
    if (children.empty()) return leaf(Regex::Kind::kNone);
    if (children.size() == 1) return std::move(children.front());
  }
  return Regex{kind, {}, std::move(children)};
}

// The domain's characters: every character but the upper-case ASCII letters (also control
// characters, DEL and everything beyond ASCII: an obligation over all strings covers them).
bool in_domain(int c) { return !(c >= 'A' && c <= 'Z'); }

struct TrieNode {
  std::map<char, std::unique_ptr<TrieNode>> children;
  bool terminal = false;         // a word ends here
  bool everything_after = false;  // a prefix `lit*` ends here: every continuation is in
};

// The language of the continuations at `start`. A node where a prefix ends is re.all: what a
// word or a longer prefix below it adds is already in (lit·Σ* ∪ lit·Y = lit·Σ*).
Regex trie_regex(const TrieNode& start) {
  if (start.everything_after) return leaf(Regex::Kind::kAll);
  std::vector<Regex> alternatives;
  if (start.terminal && !start.children.empty()) alternatives.push_back(leaf(Regex::Kind::kLiteral, ""));
  for (const auto& [first, child] : start.children) {
    // Compress a chain of single-child nodes where nothing ends into one literal edge label.
    std::string label(1, first);
    const TrieNode* at = child.get();
    while (!at->terminal && !at->everything_after && at->children.size() == 1) {
      label += at->children.begin()->first;
      at = at->children.begin()->second.get();
    }
    if (!at->everything_after && at->children.empty()) {
      alternatives.push_back(leaf(Regex::Kind::kLiteral, label));
    } else {
      alternatives.push_back(node(Regex::Kind::kConcat, {leaf(Regex::Kind::kLiteral, label), trie_regex(*at)}));
    }
  }
  if (alternatives.empty()) return leaf(start.terminal ? Regex::Kind::kLiteral : Regex::Kind::kNone, "");
  return node(Regex::Kind::kUnion, std::move(alternatives));
}

void print_regex(const Regex& regex, std::string& out) {
  switch (regex.kind) {
    case Regex::Kind::kNone: out += "re.none"; return;
    case Regex::Kind::kAll: out += "re.all"; return;
    case Regex::Kind::kAllChar: out += "re.allchar"; return;
    case Regex::Kind::kRange:
      out += "(re.range " + smtlib_string_literal(regex.text.substr(0, 1)) + " " +
             smtlib_string_literal(regex.text.substr(1, 1)) + ")";
      return;
    case Regex::Kind::kLiteral: out += "(str.to_re " + smtlib_string_literal(regex.text) + ")"; return;
    case Regex::Kind::kConcat: out += "(re.++"; break;
    case Regex::Kind::kUnion: out += "(re.union"; break;
    case Regex::Kind::kComplement: out += "(re.comp"; break;
    case Regex::Kind::kStar: out += "(re.*"; break;
  }
  for (const auto& child : regex.children) {
    out += ' ';
    print_regex(child, out);
  }
  out += ')';
}

// Comment text as printable ASCII: every other byte (a line break, a control character, a byte
// of a UTF-8 character that a cut label may have split) as `\xNN`. The texts a certificate
// records then survive JSON writing byte for byte, however the scope text was cut.
std::string comment_text(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= ' ' && u <= '~') {
      out += c;
    } else {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    }
  }
  return out;
}

bool glob_fits_group(const std::string& glob, const ServiceGroup& group) {
  const std::string service = literal_service(glob);
  if (service.empty()) return true;  // may match in any service
  const bool named = std::find(group.services.begin(), group.services.end(), service) != group.services.end();
  return group.other ? !named : named;
}

bool word_fits_group(const std::string& word, const ServiceGroup& group) {
  const auto colon = word.find(':');
  const std::string service = colon == std::string::npos ? std::string() : word.substr(0, colon);
  const bool named = colon != std::string::npos &&
                     std::find(group.services.begin(), group.services.end(), service) != group.services.end();
  return group.other ? !named : named;
}

std::vector<std::string> globs_in_group(const std::vector<std::string>& globs, const ServiceGroup& group) {
  std::vector<std::string> kept;
  for (const auto& glob : globs) {
    if (glob_fits_group(glob, group)) kept.push_back(glob);
  }
  return kept;
}

}  // namespace

bool is_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string lower_ascii(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string smtlib_string_literal(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == ':' || u == '.' || u == '_' || u == '-';
    if (plain) {
      out += c;
    } else {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\u{%x}", u);
      out += buffer;
    }
  }
  return out + "\"";
}

std::string literal_service(const std::string& lower_glob) {
  const auto colon = lower_glob.find(':');
  if (colon == std::string::npos) return {};
  const std::string service = lower_glob.substr(0, colon);
  if (service.find_first_of("*?") != std::string::npos) return {};
  return service;
}

Regex glob_regex(const std::string& lower_pattern) {
  std::vector<Regex> parts;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) parts.push_back(leaf(Regex::Kind::kLiteral, run));
    run.clear();
  };
  for (char c : lower_pattern) {
    if (c == '*') {
      flush();
      // `**` is `*`: keep one re.all.
      if (parts.empty() || parts.back().kind != Regex::Kind::kAll) parts.push_back(leaf(Regex::Kind::kAll));
    } else if (c == '?') {
      flush();
      parts.push_back(leaf(Regex::Kind::kAllChar));
    } else {
      run += c;
    }
  }
  flush();
  return node(Regex::Kind::kConcat, std::move(parts));
}

Regex prefix_tree_regex(const std::vector<std::string>& words, const std::vector<std::string>& prefixes) {
  TrieNode root;
  auto insert = [&root](const std::string& text) {
    TrieNode* at = &root;
    for (char c : text) {
      auto& child = at->children[c];
      if (!child) child = std::make_unique<TrieNode>();
      at = child.get();
    }
    return at;
  };
  for (const auto& word : words) insert(word)->terminal = true;
  for (const auto& prefix : prefixes) insert(prefix)->everything_after = true;
  return trie_regex(root);
}

Regex words_regex(std::vector<std::string> words) { return prefix_tree_regex(words, {}); }

bool is_literal_glob(const std::string& lower_glob) { return lower_glob.find_first_of("*?") == std::string::npos; }

std::string prefix_of_prefix_glob(const std::string& lower_glob) {
  if (lower_glob.empty() || lower_glob.back() != '*') return {};
  const std::string prefix = lower_glob.substr(0, lower_glob.size() - 1);
  return prefix.empty() || !is_literal_glob(prefix) ? std::string() : prefix;
}

namespace {

// Globs sorted for a union: wildcard-free ones are words and `lit*` ones prefixes of the one
// prefix tree; the others (a wildcard elsewhere) stand alone.
struct SortedGlobs {
  std::vector<std::string> words;
  std::vector<std::string> prefixes;
  std::vector<std::string> others;
};

SortedGlobs sort_globs(const std::vector<std::string>& globs, std::vector<std::string> words) {
  SortedGlobs sorted{std::move(words), {}, {}};
  for (const auto& glob : globs) {
    const std::string prefix = prefix_of_prefix_glob(glob);
    if (is_literal_glob(glob)) {
      sorted.words.push_back(glob);
    } else if (!prefix.empty()) {
      sorted.prefixes.push_back(prefix);
    } else {
      sorted.others.push_back(glob);
    }
  }
  return sorted;
}

// The union of `sorted` and `complements`: the lone globs, then the complements, then the tree.
Regex union_regex(const SortedGlobs& sorted, const std::vector<std::vector<std::string>>& complements) {
  std::vector<Regex> items;
  for (const auto& glob : sorted.others) items.push_back(glob_regex(glob));
  for (const auto& complement : complements) {
    items.push_back(node(Regex::Kind::kComplement, {union_regex(sort_globs(complement, {}), {})}));
  }
  if (!sorted.words.empty() || !sorted.prefixes.empty()) items.push_back(prefix_tree_regex(sorted.words, sorted.prefixes));
  return node(Regex::Kind::kUnion, std::move(items));
}

}  // namespace

Regex language_regex(const Language& language) {
  return union_regex(sort_globs(language.globs, language.words), language.complements);
}

Regex uppercase_regex() {
  // (re.++ re.all (re.range "A" "Z") re.all)
  return node(Regex::Kind::kConcat, {leaf(Regex::Kind::kAll), leaf(Regex::Kind::kRange, "AZ"), leaf(Regex::Kind::kAll)});
}

std::string printable_model(const std::string& model, const std::string& fresh) {
  std::string out;
  for (char c : model) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= ' ' && u <= '~') || fresh.empty() ? std::string(1, c) : fresh;
  }
  return out;
}

Regex group_regex(const ServiceGroup& group) {
  std::vector<std::string> prefixes;
  for (const auto& service : group.services) prefixes.push_back(service + ":");
  return node(Regex::Kind::kConcat, {words_regex(prefixes), leaf(Regex::Kind::kAll)});
}

std::string fresh_domain_character(const Query& query) {
  std::set<char> used;
  auto note = [&](const std::string& text) {
    for (char c : text) used.insert(c);
  };
  for (const auto& literal : query.literals) {
    for (const auto& glob : literal.language.globs) note(glob);
    for (const auto& complement : literal.language.complements) {
      for (const auto& glob : complement) note(glob);
    }
    for (const auto& word : literal.language.words) note(word);
  }
  for (const auto& service : query.group.services) note(service + ":");
  auto unused = [&](int c) { return in_domain(c) && c != '*' && c != '?' && used.count(static_cast<char>(c)) == 0; };
  // Prefer letters, so counterexamples read like action names; then any printable character;
  // then DEL, the control characters and the bytes above ASCII: the domain has them all, so a
  // query that names every printable character still has a fresh one (`s3:x?` is not within
  // the 67 names `s3:x<c>`: `s3:x\x7f` is the witness).
  const std::string preferred = "zqxjkvwyfbgphmculdrsontiea0123456789";
  for (char c : preferred) {
    if (unused(static_cast<unsigned char>(c))) return std::string(1, c);
  }
  for (int c = ' '; c <= '~'; ++c) {
    if (unused(c)) return std::string(1, static_cast<char>(c));
  }
  for (int c : {0x7f}) {
    if (unused(c)) return std::string(1, static_cast<char>(c));
  }
  for (int c = 1; c <= 0xff; ++c) {
    if (unused(c)) return std::string(1, static_cast<char>(c));
  }
  return {};
}

namespace {

// The literal's words and rest (see DrawnLiteral).
DrawnLiteral drawn_from(const Query& query, std::size_t index) {
  DrawnLiteral drawn;
  drawn.literal = static_cast<int>(index);
  const Language& language = query.literals[index].language;
  drawn.words = language.words;
  for (const auto& glob : language.globs) (is_literal_glob(glob) ? drawn.words : drawn.rest.globs).push_back(glob);
  drawn.rest.complements = language.complements;
  std::sort(drawn.words.begin(), drawn.words.end());
  drawn.words.erase(std::unique(drawn.words.begin(), drawn.words.end()), drawn.words.end());
  return drawn;
}

}  // namespace

DrawnLiteral drawn_literal(const Query& query) {
  int first_with_words = -1;
  int first_required = -1;
  for (std::size_t i = 0; i < query.literals.size(); ++i) {
    if (!query.literals[i].member) continue;
    if (first_required < 0) first_required = static_cast<int>(i);
    const DrawnLiteral drawn = drawn_from(query, i);
    if (drawn.words.empty()) continue;
    if (drawn.rest.is_empty_union()) return drawn;
    if (first_with_words < 0) first_with_words = static_cast<int>(i);
  }
  const int chosen = first_with_words >= 0 ? first_with_words : first_required;
  return chosen < 0 ? DrawnLiteral{} : drawn_from(query, static_cast<std::size_t>(chosen));
}

namespace {

void print_comment(const std::string& comment, std::string& out) {
  std::size_t start = 0;
  while (start < comment.size()) {
    const auto end = comment.find('\n', start);
    out += "; " + comment_text(comment.substr(start, end == std::string::npos ? std::string::npos : end - start)) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  out += "; unsat means the obligation holds for this group (no counterexample action exists)\n";
}

// The operands of the one intersection, each on its own lines after a comment: the domain,
// the group (both left out when `names_only`: see names_in_domain_and_group), then every
// literal but `skip`. Returns how many.
int print_operands(const Query& query, int skip, bool names_only, std::string& out) {
  int operands = 0;
  if (names_only) {
    out += "  ; (no domain and group: every name tested is lower-case and in the group)\n";
  } else {
    ++operands;
    out += "  ; domain: lower-cased actions (no upper-case letter)\n  (re.comp ";
    print_regex(uppercase_regex(), out);
    out += ")\n";
  }
  if (!names_only && (!query.group.services.empty() || !query.group.other)) {
    out += query.group.other ? "  ; group: every service not named here\n  (re.comp " : "  ; group: these services\n  ";
    print_regex(group_regex(query.group), out);
    out += query.group.other ? ")\n" : "\n";
    ++operands;
  }
  for (std::size_t i = 0; i < query.literals.size(); ++i) {
    if (static_cast<int>(i) == skip) continue;
    ++operands;
    const Literal& literal = query.literals[i];
    out += "  ; " + std::string(literal.member ? "in " : "not in ") + comment_text(literal.label) + "\n  ";
    if (!literal.member) out += "(re.comp ";
    print_regex(language_regex(literal.language), out);
    out += literal.member ? "\n" : ")\n";
  }
  return operands;
}

}  // namespace

bool names_in_domain_and_group(const Query& query, const DrawnLiteral& drawn) {
  if (drawn.literal < 0 || !drawn.rest.is_empty_union()) return false;
  return std::all_of(drawn.words.begin(), drawn.words.end(), [&query](const std::string& word) {
    const bool upper = std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return !upper && word_fits_group(word, query.group);
  });
}

std::string query_to_smtlib(const Query& query) {
  std::string out;
  print_comment(query.comment, out);
  const DrawnLiteral drawn = drawn_literal(query);
  if (drawn.literal < 0) {
    out += "(set-logic QF_S)\n(declare-const x String)\n(assert (str.in_re x (re.inter\n";
    print_operands(query, -1, false, out);
    out += ")))\n";
    out += "(check-sat)\n";
    return out;
  }
  const std::string label = comment_text(query.literals[static_cast<std::size_t>(drawn.literal)].label);
  const std::size_t patterns = drawn.rest.globs.size() + drawn.rest.complements.size();
  out += "; x is drawn from `" + label + "`: its " + std::to_string(drawn.words.size()) +
         " names are tested as constants against the other conditions (q), its " + std::to_string(patterns) +
         " patterns on x\n";
  // re.inter takes two operands or more: a lone operand stands alone, and none is re.all.
  std::string operands;
  const int count = print_operands(query, drawn.literal, names_in_domain_and_group(query, drawn), operands);
  out += "(set-logic QF_S)\n(define-fun q () RegLan ";
  out += count == 0 ? "\n" + operands + "  re.all)\n" : count == 1 ? "\n" + operands + ")\n" : "(re.inter\n" + operands + "))\n";
  if (patterns > 0) out += "(declare-const x String)\n";
  const bool any_prefix = std::any_of(drawn.rest.globs.begin(), drawn.rest.globs.end(),
                                      [](const std::string& glob) { return !prefix_of_prefix_glob(glob).empty(); });
  if (any_prefix) out += "(declare-const y String)\n";
  const bool one = drawn.words.size() + patterns <= 1;
  out += one ? "(assert\n" : "(assert (or\n";
  if (drawn.words.size() + patterns == 0) out += "  false\n";  // an empty required literal
  for (const auto& word : drawn.words) out += "  (str.in_re " + smtlib_string_literal(word) + " q)\n";
  for (const auto& glob : drawn.rest.globs) {
    const std::string prefix = prefix_of_prefix_glob(glob);
    out += "  ; x matches `" + comment_text(glob) + "`\n  ";
    if (!prefix.empty()) {
      // x = lit ++ y: the membership of a term that starts with a constant, which both
      // solvers' rewriters shorten by lit's characters before any search (proofs/smt/40).
      const std::string starts = "(str.++ " + smtlib_string_literal(prefix) + " y)";
      out += "(and (= x " + starts + ") (str.in_re " + starts + " q))\n";
    } else {
      out += "(str.in_re x (re.inter ";
      print_regex(glob_regex(glob), out);
      out += " q))\n";
    }
  }
  for (const auto& complement : drawn.rest.complements) {
    Language excluded;
    excluded.complements = {complement};
    out += "  ; x matches none of a NotAction list\n  (str.in_re x (re.inter ";
    print_regex(language_regex(excluded), out);
    out += " q))\n";
  }
  out += one ? ")\n" : "))\n";
  out += "(check-sat)\n";
  return out;
}

Query restrict_to_group(const Query& query, const ServiceGroup& group) {
  Query out;
  out.group = group;
  out.comment = query.comment;
  for (const auto& literal : query.literals) {
    Literal restricted;
    restricted.member = literal.member;
    restricted.label = literal.label;
    restricted.language.globs = globs_in_group(literal.language.globs, group);
    for (const auto& complement : literal.language.complements) {
      restricted.language.complements.push_back(globs_in_group(complement, group));
    }
    for (const auto& word : literal.language.words) {
      if (word_fits_group(word, group)) restricted.language.words.push_back(word);
    }
    out.literals.push_back(std::move(restricted));
  }
  return out;
}

}  // namespace leastpriv::verifier
