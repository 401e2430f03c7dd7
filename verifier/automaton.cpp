// The product-automaton decision procedure; see automaton.h.
#include "verifier/automaton.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

namespace leastpriv::verifier {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kStateLimit = 4'000'000;

// A glob's live positions: bit i set means "the first i pattern characters are matched".
class GlobAutomaton {
 public:
  explicit GlobAutomaton(std::string pattern) : pattern_(std::move(pattern)), bytes_((pattern_.size() + 1 + 7) / 8) {}

  std::size_t bytes() const { return bytes_; }

  void start(std::string& state) const {
    state.assign(bytes_, '\0');
    set(state, 0);
    close(state);
  }

  void step(const std::string& from, char c, std::string& to) const {
    to.assign(bytes_, '\0');
    const std::size_t n = pattern_.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (!get(from, i)) continue;
      const char p = pattern_[i];
      if (p == '*') {
        set(to, i);
      } else if (p == '?' || p == c) {
        set(to, i + 1);
      }
    }
    close(to);
  }

  bool accepts(const std::string& state) const { return get(state, pattern_.size()); }
  bool dead(const std::string& state) const {
    for (char byte : state) {
      if (byte != 0) return false;
    }
    return true;
  }

 private:
  static bool get(const std::string& state, std::size_t i) { return (static_cast<unsigned char>(state[i / 8]) >> (i % 8)) & 1U; }
  static void set(std::string& state, std::size_t i) {
    state[i / 8] = static_cast<char>(static_cast<unsigned char>(state[i / 8]) | (1U << (i % 8)));
  }
  // A `*` at position i may match nothing: position i live makes i+1 live.
  void close(std::string& state) const {
    for (std::size_t i = 0; i < pattern_.size(); ++i) {
      if (pattern_[i] == '*' && get(state, i)) set(state, i + 1);
    }
  }

  std::string pattern_;
  std::size_t bytes_;
};

// A word set as a trie; in prefix mode a word's end is absorbing (accepts every extension).
class TrieAutomaton {
 public:
  static constexpr std::int32_t kDead = -1;
  static constexpr std::int32_t kAbsorbing = -2;

  TrieAutomaton(const std::vector<std::string>& words, bool prefix_mode) : prefix_mode_(prefix_mode) {
    nodes_.emplace_back();
    for (const auto& word : words) {
      std::int32_t at = 0;
      for (char c : word) {
        auto found = nodes_[static_cast<std::size_t>(at)].children.find(c);
        if (found == nodes_[static_cast<std::size_t>(at)].children.end()) {
          nodes_.emplace_back();
          const auto created = static_cast<std::int32_t>(nodes_.size() - 1);
          nodes_[static_cast<std::size_t>(at)].children[c] = created;
          at = created;
        } else {
          at = found->second;
        }
      }
      nodes_[static_cast<std::size_t>(at)].terminal = true;
    }
  }

  std::int32_t start() const { return enter(0); }
  std::int32_t step(std::int32_t from, char c) const {
    if (from == kAbsorbing) return kAbsorbing;
    if (from == kDead) return kDead;
    const auto& children = nodes_[static_cast<std::size_t>(from)].children;
    const auto found = children.find(c);
    return found == children.end() ? kDead : enter(found->second);
  }
  bool accepts(std::int32_t state) const {
    return state == kAbsorbing || (state >= 0 && nodes_[static_cast<std::size_t>(state)].terminal);
  }
  bool dead(std::int32_t state) const { return state == kDead; }

 private:
  struct Node {
    std::map<char, std::int32_t> children;
    bool terminal = false;
  };
  std::int32_t enter(std::int32_t node) const {
    return prefix_mode_ && nodes_[static_cast<std::size_t>(node)].terminal ? kAbsorbing : node;
  }
  bool prefix_mode_;
  std::vector<Node> nodes_;
};

// Where each language item's automaton lives in the product.
struct LanguageSlots {
  std::vector<std::size_t> globs;
  std::vector<std::vector<std::size_t>> complements;
  int trie = -1;
};

struct LiteralSlots {
  LanguageSlots language;
  bool member = true;
};

class Product {
 public:
  explicit Product(const Query& query) {
    for (const auto& literal : query.literals) {
      LiteralSlots slots;
      slots.member = literal.member;
      for (const auto& glob : literal.language.globs) slots.language.globs.push_back(add_glob(glob));
      for (const auto& complement : literal.language.complements) {
        std::vector<std::size_t> inner;
        for (const auto& glob : complement) inner.push_back(add_glob(glob));
        slots.language.complements.push_back(std::move(inner));
      }
      if (!literal.language.words.empty()) {
        tries_.emplace_back(literal.language.words, false);
        slots.language.trie = static_cast<int>(tries_.size() - 1);
      }
      literals_.push_back(std::move(slots));
    }
    if (!query.group.services.empty() || !query.group.other) {
      std::vector<std::string> prefixes;
      for (const auto& service : query.group.services) prefixes.push_back(service + ":");
      tries_.emplace_back(prefixes, true);
      group_trie_ = static_cast<int>(tries_.size() - 1);
      group_other_ = query.group.other;
    }
    glob_offsets_.push_back(0);
    for (const auto& glob : globs_) glob_offsets_.push_back(glob_offsets_.back() + glob.bytes());
  }

  std::string start() const {
    std::string state;
    std::string part;
    for (const auto& glob : globs_) {
      glob.start(part);
      state += part;
    }
    for (const auto& trie : tries_) append_int(state, trie.start());
    return state;
  }

  std::string step(const std::string& from, char c) const {
    std::string state;
    std::string part;
    for (std::size_t g = 0; g < globs_.size(); ++g) {
      globs_[g].step(from.substr(glob_offsets_[g], globs_[g].bytes()), c, part);
      state += part;
    }
    for (std::size_t t = 0; t < tries_.size(); ++t) append_int(state, tries_[t].step(trie_state(from, t), c));
    return state;
  }

  bool satisfied(const std::string& state) const {
    if (group_trie_ >= 0 && tries_[static_cast<std::size_t>(group_trie_)].accepts(trie_state(state, static_cast<std::size_t>(group_trie_))) == group_other_) {
      return false;
    }
    for (const auto& literal : literals_) {
      if (language_accepts(literal.language, state) != literal.member) return false;
    }
    return true;
  }

  // False when no extension of the input read so far can satisfy the query.
  bool viable(const std::string& state) const {
    if (group_trie_ >= 0 && !group_other_ && tries_[static_cast<std::size_t>(group_trie_)].dead(trie_state(state, static_cast<std::size_t>(group_trie_)))) {
      return false;
    }
    for (const auto& literal : literals_) {
      if (!literal.member || !literal.language.complements.empty()) continue;
      bool alive = false;
      for (auto g : literal.language.globs) alive = alive || !globs_[g].dead(glob_state(state, g));
      if (literal.language.trie >= 0) {
        const auto t = static_cast<std::size_t>(literal.language.trie);
        alive = alive || !tries_[t].dead(trie_state(state, t));
      }
      if (!alive) return false;
    }
    return true;
  }

  std::set<char> alphabet() const { return alphabet_; }

 private:
  std::size_t add_glob(const std::string& glob) {
    for (char c : glob) {
      if (c != '*' && c != '?') alphabet_.insert(c);
    }
    globs_.emplace_back(glob);
    return globs_.size() - 1;
  }

  static void append_int(std::string& state, std::int32_t value) {
    const auto u = static_cast<std::uint32_t>(value);
    for (int shift = 0; shift < 32; shift += 8) state += static_cast<char>((u >> shift) & 0xFFU);
  }
  std::string glob_state(const std::string& state, std::size_t g) const {
    return state.substr(glob_offsets_[g], globs_[g].bytes());
  }
  std::int32_t trie_state(const std::string& state, std::size_t t) const {
    const std::size_t at = glob_offsets_.back() + 4 * t;
    std::uint32_t u = 0;
    for (int i = 3; i >= 0; --i) u = (u << 8) | static_cast<unsigned char>(state[at + static_cast<std::size_t>(i)]);
    return static_cast<std::int32_t>(u);
  }
  bool language_accepts(const LanguageSlots& language, const std::string& state) const {
    for (auto g : language.globs) {
      if (globs_[g].accepts(glob_state(state, g))) return true;
    }
    for (const auto& complement : language.complements) {
      bool any = false;
      for (auto g : complement) any = any || globs_[g].accepts(glob_state(state, g));
      if (!any) return true;
    }
    if (language.trie >= 0) {
      const auto t = static_cast<std::size_t>(language.trie);
      if (tries_[t].accepts(trie_state(state, t))) return true;
    }
    return false;
  }

  std::vector<GlobAutomaton> globs_;
  std::vector<std::size_t> glob_offsets_;
  std::vector<TrieAutomaton> tries_;
  std::vector<LiteralSlots> literals_;
  int group_trie_ = -1;
  bool group_other_ = false;
  std::set<char> alphabet_;
};

bool in_domain(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= ' ' && u <= '~' && !(u >= 'A' && u <= 'Z');
}

}  // namespace

bool glob_matches(const std::string& lower_glob, const std::string& lower_text) {
  GlobAutomaton glob(lower_glob);
  std::string state;
  std::string next;
  glob.start(state);
  for (char c : lower_text) {
    glob.step(state, c, next);
    state.swap(next);
    if (glob.dead(state)) return false;
  }
  return glob.accepts(state);
}

ProcedureVerdict decide_with_automaton(const Query& query, double timeout_seconds) {
  const auto began = Clock::now();
  ProcedureVerdict verdict;
  verdict.procedure = "automaton";
  verdict.version = kAutomatonVersion;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - began).count(); };

  Product product(query);
  // The alphabet: what the query mentions (inside the domain), plus one fresh character that
  // stands for every character the query does not mention.
  std::vector<char> alphabet;
  for (char c : product.alphabet()) {
    if (in_domain(c)) alphabet.push_back(c);
  }
  for (const auto& literal : query.literals) {
    for (const auto& word : literal.language.words) {
      for (char c : word) {
        if (in_domain(c) && std::find(alphabet.begin(), alphabet.end(), c) == alphabet.end()) alphabet.push_back(c);
      }
    }
  }
  for (const auto& service : query.group.services) {
    for (char c : service + ":") {
      if (in_domain(c) && std::find(alphabet.begin(), alphabet.end(), c) == alphabet.end()) alphabet.push_back(c);
    }
  }
  const std::string fresh = fresh_domain_character(query);
  if (!fresh.empty()) alphabet.push_back(fresh[0]);

  // Breadth-first search; parents rebuild the (shortest) counterexample.
  std::vector<std::string> states;
  std::vector<std::pair<std::size_t, char>> parents;
  std::unordered_map<std::string, std::size_t> seen;
  states.push_back(product.start());
  parents.emplace_back(0, '\0');
  seen.emplace(states.front(), 0);
  for (std::size_t at = 0; at < states.size(); ++at) {
    if (product.satisfied(states[at])) {
      std::string action;
      for (std::size_t i = at; i != 0; i = parents[i].first) action.insert(action.begin(), parents[i].second);
      verdict.verdict = Verdict::kCounterexample;
      verdict.counterexample = action;
      verdict.seconds = elapsed();
      return verdict;
    }
    if (!product.viable(states[at])) continue;
    if ((at & 1023U) == 0 && elapsed() > timeout_seconds) {
      verdict.reason = "timeout after " + std::to_string(states.size()) + " states";
      verdict.seconds = elapsed();
      return verdict;
    }
    for (char c : alphabet) {
      std::string next = product.step(states[at], c);
      if (seen.count(next) != 0) continue;
      if (states.size() >= kStateLimit) {
        verdict.reason = "state limit reached";
        verdict.seconds = elapsed();
        return verdict;
      }
      seen.emplace(next, states.size());
      states.push_back(std::move(next));
      parents.emplace_back(at, c);
    }
  }
  verdict.verdict = Verdict::kProved;
  verdict.seconds = elapsed();
  return verdict;
}

}  // namespace leastpriv::verifier
