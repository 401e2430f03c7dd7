// The product-automaton decision procedure; see automaton.h.
#include "verifier/decide/automaton.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace leastpriv::verifier {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kStateLimit = 4'000'000;

// GlobAutomaton::step reads eight state bytes as one word, lowest byte first.
static_assert(std::endian::native == std::endian::little, "GlobAutomaton::step assumes a little-endian machine");

// A glob's live positions: bit i set means "the first i pattern characters are matched". A
// step visits the live positions only (eight at a time past dead bytes) and closes over the
// stars only, so a literal of L characters costs O(L/64) per step, not O(L).
class GlobAutomaton {
 public:
  explicit GlobAutomaton(std::string pattern) : pattern_(std::move(pattern)), bytes_((pattern_.size() + 1 + 7) / 8) {
    for (std::size_t i = 0; i < pattern_.size(); ++i) {
      if (pattern_[i] == '*') stars_.push_back(i);
    }
  }

  std::size_t bytes() const { return bytes_; }

  void start(std::string& state) const {
    state.assign(bytes_, '\0');
    set(state, 0);
    close(state);
  }

  void step(const std::string& from, char c, std::string& to) const {
    to.assign(bytes_, '\0');
    const std::size_t n = pattern_.size();
    for (std::size_t at = 0; at < bytes_; at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, from.data() + at, std::min<std::size_t>(8, bytes_ - at));
      for (; word != 0; word &= word - 1) {
        // Little-endian (asserted above): bit b of the word is bit b % 8 of byte at + b / 8,
        // i.e. position 8·at + b.
        const std::size_t i = 8 * at + static_cast<std::size_t>(__builtin_ctzll(word));
        if (i >= n) continue;
        const char p = pattern_[i];
        if (p == '*') {
          set(to, i);
        } else if (p == '?' || p == c) {
          set(to, i + 1);
        }
      }
    }
    close(to);
  }

  bool accepts(const std::string& state) const { return get(state, pattern_.size()); }
  // The trailing `*` is live: it loops, so every extension of the input is accepted too.
  bool accepts_every_extension(const std::string& state) const {
    return !pattern_.empty() && pattern_.back() == '*' && get(state, pattern_.size() - 1);
  }
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
  // In ascending order, so a run of stars (`**`) closes in one pass.
  void close(std::string& state) const {
    for (std::size_t i : stars_) {
      if (get(state, i)) set(state, i + 1);
    }
  }

  std::string pattern_;
  std::size_t bytes_;
  std::vector<std::size_t> stars_;
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

// The product state: the live globs (those with a non-empty position set, in index order,
// each with its positions) and every trie's node. Dead globs are left out, so a step costs
// the number of live globs, not of all globs: after the first few characters only the globs
// that share the input's prefix are alive (measured: the ec2 group of `Action: "*"` minus
// 4,000 actions has 1,500 globs and 10,000 reachable states).
struct State {
  std::vector<std::pair<std::uint32_t, std::string>> live;
  std::vector<std::int32_t> tries;

  std::string key() const {
    std::string out;
    for (const auto& [glob, bits] : live) {
      for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((glob >> shift) & 0xFFU);
      out += bits;
    }
    out += '|';
    for (auto node : tries) {
      for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((static_cast<std::uint32_t>(node) >> shift) & 0xFFU);
    }
    return out;
  }
};

struct GlobOwner {
  std::size_t literal = 0;
  int complement = -1;  // index into complements_ when the glob sits inside a complement
};

class Product {
 public:
  explicit Product(const Query& query) {
    for (std::size_t l = 0; l < query.literals.size(); ++l) {
      const auto& literal = query.literals[l];
      members_.push_back(literal.member);
      complements_of_.emplace_back();
      for (const auto& glob : literal.language.globs) add_glob(glob, GlobOwner{l, -1});
      for (const auto& complement : literal.language.complements) {
        const int id = static_cast<int>(complement_owner_.size());
        complement_owner_.push_back(l);
        complements_of_[l].push_back(id);
        for (const auto& glob : complement) add_glob(glob, GlobOwner{l, id});
      }
      int trie = -1;
      if (!literal.language.words.empty()) {
        tries_.emplace_back(literal.language.words, false);
        trie = static_cast<int>(tries_.size() - 1);
      }
      trie_of_.push_back(trie);
    }
    if (!query.group.services.empty() || !query.group.other) {
      std::vector<std::string> prefixes;
      for (const auto& service : query.group.services) prefixes.push_back(service + ":");
      tries_.emplace_back(prefixes, true);
      group_trie_ = static_cast<int>(tries_.size() - 1);
      group_other_ = query.group.other;
    }
  }

  State start() const {
    State state;
    std::string bits;
    for (std::size_t g = 0; g < globs_.size(); ++g) {
      globs_[g].start(bits);
      if (!globs_[g].dead(bits)) state.live.emplace_back(static_cast<std::uint32_t>(g), bits);
    }
    for (const auto& trie : tries_) state.tries.push_back(trie.start());
    return state;
  }

  State step(const State& from, char c) const {
    State state;
    std::string bits;
    for (const auto& [glob, positions] : from.live) {
      globs_[glob].step(positions, c, bits);
      if (!globs_[glob].dead(bits)) state.live.emplace_back(glob, bits);
    }
    for (std::size_t t = 0; t < tries_.size(); ++t) state.tries.push_back(tries_[t].step(from.tries[t], c));
    return state;
  }

  bool satisfied(const State& state) const {
    if (group_trie_ >= 0) {
      const auto t = static_cast<std::size_t>(group_trie_);
      if (tries_[t].accepts(state.tries[t]) == group_other_) return false;
    }
    std::vector<char> direct(members_.size(), 0);
    std::vector<char> complement_hit(complement_owner_.size(), 0);
    for (const auto& [glob, positions] : state.live) {
      if (!globs_[glob].accepts(positions)) continue;
      const auto& owner = owners_[glob];
      if (owner.complement < 0) {
        direct[owner.literal] = 1;
      } else {
        complement_hit[static_cast<std::size_t>(owner.complement)] = 1;
      }
    }
    for (std::size_t l = 0; l < members_.size(); ++l) {
      bool accepts = direct[l] != 0;
      for (int id : complements_of_[l]) accepts = accepts || complement_hit[static_cast<std::size_t>(id)] == 0;
      if (trie_of_[l] >= 0) {
        const auto t = static_cast<std::size_t>(trie_of_[l]);
        accepts = accepts || tries_[t].accepts(state.tries[t]);
      }
      if (accepts != members_[l]) return false;
    }
    return true;
  }

  // False when no extension of the input read so far can satisfy the query: a required
  // language can no longer accept, or a forbidden one accepts every extension (an original's
  // `svc:*x*` or `svc:Get*` has matched). Without the second, the search goes on tracking which
  // of many such globs have matched, a subset per state: on the corpus, `fewest` on
  // AWSCodeStarServiceRole (its ec2 group) and SageMakerStudio*IAMDefaultExecutionPolicy (a
  // dozen `sagemaker:*Model*`-style originals) timed out at 450,000 and 1.6 million states; with
  // it, every corpus query is decided within seconds.
  bool viable(const State& state) const {
    if (group_trie_ >= 0 && !group_other_) {
      const auto t = static_cast<std::size_t>(group_trie_);
      if (tries_[t].dead(state.tries[t])) return false;
    }
    std::vector<char> alive(members_.size(), 0);
    for (const auto& [glob, positions] : state.live) {
      const auto& owner = owners_[glob];
      if (owner.complement >= 0) continue;
      alive[owner.literal] = 1;
      if (!members_[owner.literal] && globs_[glob].accepts_every_extension(positions)) return false;
    }
    for (std::size_t l = 0; l < members_.size(); ++l) {
      if (!members_[l] || !complements_of_[l].empty() || alive[l] != 0) continue;
      if (trie_of_[l] >= 0) {
        const auto t = static_cast<std::size_t>(trie_of_[l]);
        if (!tries_[t].dead(state.tries[t])) continue;
      }
      return false;
    }
    return true;
  }

  std::set<char> alphabet() const { return alphabet_; }

 private:
  void add_glob(const std::string& glob, GlobOwner owner) {
    for (char c : glob) {
      if (c != '*' && c != '?') alphabet_.insert(c);
    }
    globs_.emplace_back(glob);
    owners_.push_back(owner);
  }

  std::vector<GlobAutomaton> globs_;
  std::vector<GlobOwner> owners_;
  std::vector<bool> members_;
  std::vector<std::vector<int>> complements_of_;
  std::vector<std::size_t> complement_owner_;
  std::vector<int> trie_of_;
  std::vector<TrieAutomaton> tries_;
  int group_trie_ = -1;
  bool group_other_ = false;
  std::set<char> alphabet_;
};

// The domain: every character but the upper-case ASCII letters (verifier/encode/query.h).
bool in_domain(char c) { return !(c >= 'A' && c <= 'Z'); }

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

namespace {

void add_domain_characters(std::string_view text, std::vector<char>& alphabet) {
  for (char c : text) {
    if (in_domain(c) && std::find(alphabet.begin(), alphabet.end(), c) == alphabet.end()) alphabet.push_back(c);
  }
}

// The alphabet of the search: what the query mentions (inside the domain), plus one fresh
// character that stands for every character of the domain the query does not mention (also
// DEL, control characters and non-ASCII ones: when the query names every printable character,
// the fresh one is not printable).
std::vector<char> search_alphabet(const Query& query, const Product& product) {
  std::vector<char> alphabet;
  for (char c : product.alphabet()) {
    if (in_domain(c)) alphabet.push_back(c);
  }
  for (const auto& literal : query.literals) {
    for (const auto& word : literal.language.words) add_domain_characters(word, alphabet);
  }
  for (const auto& service : query.group.services) add_domain_characters(service + ":", alphabet);
  const std::string fresh = fresh_domain_character(query);
  if (!fresh.empty()) alphabet.push_back(fresh[0]);
  return alphabet;
}

}  // namespace

ProcedureVerdict decide_with_automaton(const Query& query, double timeout_seconds) {
  const auto began = Clock::now();
  ProcedureVerdict verdict;
  verdict.procedure = "automaton";
  verdict.version = kAutomatonVersion;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - began).count(); };
  auto undecided = [&](std::string reason) {
    verdict.reason = std::move(reason);
    verdict.seconds = elapsed();
    return verdict;
  };

  Product product(query);
  const std::vector<char> alphabet = search_alphabet(query, product);
  // Breadth-first search; parents rebuild the (shortest) counterexample.
  std::vector<State> states;
  std::vector<std::pair<std::size_t, char>> parents;
  std::unordered_map<std::string, std::size_t> seen;
  states.push_back(product.start());
  parents.emplace_back(0, '\0');
  seen.emplace(states.front().key(), 0);
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
    if ((at & 255U) == 0 && elapsed() > timeout_seconds) {
      return undecided("timeout after " + std::to_string(states.size()) + " states");
    }
    for (char c : alphabet) {
      State next = product.step(states[at], c);
      std::string key = next.key();
      if (seen.count(key) != 0) continue;
      if (states.size() >= kStateLimit) return undecided("state limit reached");
      seen.emplace(std::move(key), states.size());
      states.push_back(std::move(next));
      parents.emplace_back(at, c);
    }
  }
  verdict.verdict = Verdict::kProved;
  verdict.seconds = elapsed();
  return verdict;
}

}  // namespace leastpriv::verifier
