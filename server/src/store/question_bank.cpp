#include "store/question_bank.hpp"

// The question bank seeded into a fresh database. Slugs are stable ids: never rename or
// reuse one; add new questions at the end of their section.

namespace mm::store {
namespace {

using sv = std::string_view;

// ---------------------------------------------------------------------------------------------
// Algorithms: easy
// ---------------------------------------------------------------------------------------------
static constexpr sv h_two_sum[] = {
    "Brute force over all pairs is O(n^2); a hash map from value to index gives one pass in O(n).",
    "Check for the complement before inserting the current value, so an element is never paired with itself.",
    "Follow-up: if the array is sorted, two pointers solve it in O(1) extra space.",
};
static constexpr sv h_balanced_brackets[] = {
    "A stack of open brackets; on a closer, the top must be its matching opener.",
    "Do not forget the end: the stack must be empty, and a closer on an empty stack fails at once.",
    "Follow-up: report the index of the first offending character.",
};
static constexpr sv h_reverse_list[] = {
    "Iterative: walk with prev/current/next pointers, O(n) time and O(1) space.",
    "Recursive version is fine but uses O(n) stack; ask about very long lists.",
    "Follow-up: reverse only the nodes between positions m and n.",
};
static constexpr sv h_merge_sorted[] = {
    "Two indices, always take the smaller head; append whatever remains of the other array.",
    "Stable on ties (take from the first array) if the candidate mentions stability, good sign.",
    "Follow-up: merge in place when the first array has room at its end: fill from the back.",
};
static constexpr sv h_insert_position[] = {
    "Classic lower-bound binary search; the loop invariant matters more than the code.",
    "Watch the off-by-one cases: empty array, target smaller than all, larger than all.",
    "Ask how they would avoid overflow computing the midpoint in languages with fixed-width ints.",
};
static constexpr sv h_tree_depth[] = {
    "Recursion: 1 + max(depth(left), depth(right)), with 0 for an empty tree.",
    "Iterative alternative: breadth-first search counting levels.",
    "Follow-up: minimum depth (careful: a node with one child is not a leaf).",
};
static constexpr sv h_anagram[] = {
    "Counting characters in a fixed array or map is O(n); sorting both strings is O(n log n).",
    "Early exit when lengths differ.",
    "Follow-up: what changes for full Unicode input (code points vs bytes, normalization)?",
};
static constexpr sv h_stock_once[] = {
    "Track the minimum price seen so far and the best difference; one pass, O(1) space.",
    "Answer is 0 when prices only fall; make sure they do not return a negative profit.",
    "Follow-up: unlimited transactions (sum of all positive day-to-day differences).",
};
static constexpr sv h_move_zeroes[] = {
    "Write pointer for the next non-zero slot; copy non-zeros forward, then fill the tail with zeros.",
    "Swapping variant does fewer writes when zeros are rare.",
    "Ask them to prove the relative order of non-zero values is preserved.",
};
static constexpr sv h_stairs[] = {
    "ways(n) = ways(n-1) + ways(n-2): Fibonacci; recognise overlapping subproblems.",
    "Naive recursion is exponential; memoisation or two rolling variables give O(n) time, O(1) space.",
    "Follow-up: steps of any size from a given set.",
};
static constexpr sv h_palindrome[] = {
    "Two pointers from both ends, skipping characters that are not letters or digits.",
    "Compare case-insensitively without building a new string.",
    "Follow-up: may delete at most one character; try both skips on the first mismatch.",
};

// ---------------------------------------------------------------------------------------------
// Algorithms: medium
// ---------------------------------------------------------------------------------------------
static constexpr sv h_longest_unique[] = {
    "Sliding window with a map from character to last index; move the left edge past a repeat.",
    "Each character enters and leaves the window at most once: O(n).",
    "Follow-up: at most k distinct characters instead of no repeats.",
};
static constexpr sv h_group_anagrams[] = {
    "Key each word by its sorted letters (or a 26-count signature) and group in a hash map.",
    "Complexity: O(n * k log k) with sorting, O(n * k) with counts.",
    "Discuss how to make the count signature hashable.",
};
static constexpr sv h_islands[] = {
    "Scan the grid; on unvisited land, flood fill (DFS or BFS) and count one island.",
    "Mention recursion depth on huge grids; an explicit stack or BFS avoids overflow.",
    "Follow-up: union-find when land cells arrive one at a time.",
};
static constexpr sv h_merge_intervals[] = {
    "Sort by start, then extend the last merged interval while the next one overlaps.",
    "Clarify whether touching intervals ([1,2] and [2,3]) merge.",
    "Follow-up: insert one new interval into an already merged, sorted list in O(n).",
};
static constexpr sv h_top_k[] = {
    "Count with a hash map, then a min-heap of size k: O(n log k).",
    "Bucket sort by frequency gives O(n).",
    "Follow-up: the input is a stream too large for memory (count-min sketch, heavy hitters).",
};
static constexpr sv h_lru[] = {
    "Hash map to list nodes plus a doubly linked list ordered by recency; both operations O(1).",
    "A get must also refresh recency, not only a put.",
    "Follow-up: make it safe for concurrent use; discuss lock granularity.",
};
static constexpr sv h_course_order[] = {
    "Model as a directed graph; a valid order is a topological sort.",
    "Kahn's algorithm (in-degree queue) or DFS with three colours to detect a cycle.",
    "If a cycle exists there is no order: return an empty list.",
};
static constexpr sv h_rotated_search[] = {
    "Modified binary search: one half around mid is always sorted; decide whether the target lies in it.",
    "Test with rotation at 0, at the last index, and arrays of length 1 and 2.",
    "Follow-up: duplicates allowed, worst case degrades to O(n); ask why.",
};
static constexpr sv h_coin_change[] = {
    "Greedy fails for some coin systems (coins 1, 3, 4 and amount 6); ask for a counterexample.",
    "Bottom-up DP: best[a] = 1 + min(best[a - c]) over coins c; O(amount * coins).",
    "Follow-up: count the number of ways instead of the minimum coins.",
};
static constexpr sv h_validate_bst[] = {
    "Checking only each node against its children is wrong; pass down (low, high) bounds.",
    "Alternative: in-order traversal must be strictly increasing.",
    "Clarify how duplicates are treated.",
};
static constexpr sv h_product_except_self[] = {
    "Prefix products from the left and suffix products from the right; no division needed.",
    "O(1) extra space by reusing the output array for the prefix pass.",
    "Ask what goes wrong with the division approach when zeros are present.",
};

// ---------------------------------------------------------------------------------------------
// Algorithms: hard
// ---------------------------------------------------------------------------------------------
static constexpr sv h_median_two[] = {
    "Merging is O(m+n); the expected answer binary-searches a partition of the shorter array.",
    "The partition is right when left maxima are at most right minima on both sides.",
    "Use sentinels (+/- infinity) for empty partitions; test an empty array.",
};
static constexpr sv h_rain_water[] = {
    "Water above a bar is min(max left, max right) minus its height.",
    "Prefix/suffix maximum arrays give O(n) time and space; two pointers give O(1) space.",
    "Follow-up: the 2D version needs a priority queue from the border inwards.",
};
static constexpr sv h_word_ladder[] = {
    "Breadth-first search over words; neighbours differ by one letter.",
    "Generating neighbours by pattern (h*t) with a precomputed map avoids O(n^2) comparisons.",
    "Bidirectional BFS cuts the explored frontier dramatically.",
    "Follow-up: return all shortest transformation sequences.",
};
static constexpr sv h_merge_k[] = {
    "Min-heap of the k list heads: O(N log k).",
    "Alternative: pairwise divide-and-conquer merging, same complexity.",
    "Discuss the naive sequential merge being O(N k).",
};
static constexpr sv h_min_window[] = {
    "Sliding window with required counts and a 'missing' counter.",
    "Expand right until valid, then shrink left while still valid, recording the best.",
    "Duplicates in the pattern must be matched with multiplicity.",
};
static constexpr sv h_serialize_tree[] = {
    "Pre-order with explicit null markers is enough to rebuild the tree uniquely.",
    "Level order also works; ask them to handle trailing nulls.",
    "Discuss separators when values can be negative or multi-digit.",
};
static constexpr sv h_edit_distance[] = {
    "DP table where cell (i, j) is the distance between prefixes of length i and j.",
    "Transitions: insert, delete, replace (free when characters match).",
    "Only two rows are needed: O(min(m, n)) space.",
    "Follow-up: reconstruct the actual edit script.",
};
static constexpr sv h_window_max[] = {
    "A deque of indices whose values decrease; the front is the window maximum.",
    "Drop indices that left the window from the front, smaller values from the back.",
    "Each index is pushed and popped once: O(n). A heap gives O(n log n).",
};
static constexpr sv h_alien_dict[] = {
    "Compare adjacent words; the first differing letters give one ordering edge.",
    "Topological sort of the letters; a cycle means the input is inconsistent.",
    "Edge case: a word followed by its own prefix (\"abc\" before \"ab\") is invalid.",
};
static constexpr sv h_regex_match[] = {
    "DP over (text index, pattern index); '*' means zero copies or one more copy of the previous item.",
    "Memoised recursion is easier to get right than a bottom-up table; either is fine.",
    "Test patterns like \"a*\", \".*\", and a '*' following a '.'.",
};

// ---------------------------------------------------------------------------------------------
// System design: easy
// ---------------------------------------------------------------------------------------------
static constexpr sv h_url_shortener[] = {
    "Code generation: counter encoded in base62 vs random codes with collision checks.",
    "Reads dominate: cache hot codes, use 301 vs 302 deliberately (analytics needs 302).",
    "Estimate storage: codes per day times retention; a key-value store fits.",
    "Follow-ups: custom aliases, expiry, abuse and malware links.",
};
static constexpr sv h_pastebin[] = {
    "Separate metadata (small, in a database) from content (object storage).",
    "Unguessable ids for unlisted pastes; expiry by a background sweeper or TTL.",
    "Serve popular pastes from a CDN; size limits on upload.",
};
static constexpr sv h_hit_counter[] = {
    "Per-second buckets in a ring buffer give last-5-minutes counts in O(1) memory.",
    "Many servers: count locally and flush periodically, or use an atomic increment in Redis.",
    "Discuss accuracy vs cost; approximate counts are usually acceptable.",
};
static constexpr sv h_thumbnails[] = {
    "Upload to object storage, enqueue a job, workers produce sizes, store them next to the original.",
    "Idempotent jobs and retries; a dead-letter queue for images that keep failing.",
    "Serve via CDN; generate lazily on first request as an alternative.",
};
static constexpr sv h_todo_backend[] = {
    "Resources and endpoints: lists, items, ordering, sharing; sensible status codes.",
    "Authentication and authorisation: a user only sees their lists or shared ones.",
    "Sync across devices: updated-at timestamps, conflict policy, pagination.",
};
static constexpr sv h_leaderboard[] = {
    "A sorted set (e.g. Redis ZSET) gives rank and top-N in O(log n).",
    "Time-boxed boards (daily, weekly) as separate keys with expiry.",
    "Persist scores durably in a database; the sorted set can be rebuilt.",
    "Follow-up: rank of a user among friends only.",
};

// ---------------------------------------------------------------------------------------------
// System design: medium
// ---------------------------------------------------------------------------------------------
static constexpr sv h_rate_limiter[] = {
    "Algorithms: fixed window, sliding log, sliding window counter, token bucket; trade-offs of each.",
    "Distributed: a shared store with atomic operations, or local limits with periodic sync.",
    "Where it runs (gateway vs service), what the client sees (429, Retry-After), failure mode if the store is down.",
};
static constexpr sv h_news_feed[] = {
    "Fan-out on write vs fan-out on read; hybrid for accounts with millions of followers.",
    "Feed storage as per-user lists of post ids; hydrate posts from a cache.",
    "Ranking, pagination with cursors, and deleting a post that is already fanned out.",
};
static constexpr sv h_chat[] = {
    "Persistent connections (WebSocket) to gateway servers; a routing layer knows which gateway holds a user.",
    "Message ordering per conversation, ids, delivery and read receipts.",
    "Offline users: store and deliver on reconnect, push notifications.",
    "Group chats: fan-out cost and membership changes.",
};
static constexpr sv h_notifications[] = {
    "Producers publish events to a queue; a service applies preferences and templates, then channel workers send.",
    "Retries with backoff, idempotency keys to avoid duplicates, per-user rate limits.",
    "Track delivery status; respect quiet hours and unsubscribe.",
};
static constexpr sv h_crawler[] = {
    "URL frontier with per-host queues for politeness; honour robots.txt.",
    "Deduplicate URLs (normalisation, Bloom filter) and content (fingerprints).",
    "Scale out by partitioning hosts across workers; handle traps and failures.",
};
static constexpr sv h_typeahead[] = {
    "A trie with top-k completions cached at each node, or precomputed prefix tables.",
    "Build offline from query logs, refresh periodically; serve from memory.",
    "Latency budget: client debouncing, CDN or edge caching of popular prefixes.",
};

// ---------------------------------------------------------------------------------------------
// System design: hard
// ---------------------------------------------------------------------------------------------
static constexpr sv h_kv_store[] = {
    "Partitioning by consistent hashing with virtual nodes; replication factor N.",
    "Quorum reads and writes (R + W > N), hinted handoff, read repair, anti-entropy with Merkle trees.",
    "Conflict resolution: last-write-wins vs vector clocks; what the client must handle.",
    "Storage engine: LSM tree, write-ahead log, compaction.",
};
static constexpr sv h_ride_dispatch[] = {
    "Driver locations stream in every few seconds; index them geospatially (geohash, S2 cells).",
    "Matching: nearby available drivers, offer with timeout, exactly one driver accepts.",
    "Trip state machine stored durably; surge pricing and hot regions.",
    "Failure: a dispatcher node dies mid-match; how is state recovered?",
};
static constexpr sv h_video_streaming[] = {
    "Upload pipeline: chunked upload, transcoding into several bitrates, segmenting for HLS/DASH.",
    "Delivery: CDN with adaptive bitrate chosen by the player.",
    "Metadata, view counts, and recommendations are separate services with their own scaling.",
};
static constexpr sv h_collab_editor[] = {
    "Concurrent edits: operational transformation vs CRDTs; explain the convergence guarantee.",
    "A session server per document for ordering; persistence as snapshots plus an operation log.",
    "Presence (cursors) is ephemeral and can be lossy; edits must not be.",
    "Offline editing and reconnection.",
};
static constexpr sv h_payments[] = {
    "Idempotency keys on every request; exactly-once effects built on at-least-once delivery.",
    "Double-entry ledger, immutable entries, reconciliation with the provider.",
    "State machine for a payment; timeouts and unknown outcomes from the provider.",
    "Security and compliance: tokenised card data, audit logs.",
};
static constexpr sv h_job_scheduler[] = {
    "Store jobs with next-run time; workers claim due jobs with leases so a crashed worker's jobs are retried.",
    "At-least-once execution, so jobs must be idempotent; deduplicate by run id.",
    "Partition the schedule by time and shard; avoid a single hot table scan.",
    "Cron parsing, time zones and daylight saving are classic follow-ups.",
};

// ---------------------------------------------------------------------------------------------
// Behavioral: easy
// ---------------------------------------------------------------------------------------------
static constexpr sv h_about_you[] = {
    "Two minutes, structured: present role, a highlight or two, why this role now.",
    "Listen for relevance to the target role rather than a full life story.",
};
static constexpr sv h_why_role[] = {
    "Good answers connect the candidate's concrete experience to the role's actual work.",
    "Generic praise of the company is weak; specifics about the product or team are strong.",
    "Follow-up: what would make you leave within a year?",
};
static constexpr sv h_proud_project[] = {
    "Ask for their personal contribution, not the team's; 'I' vs 'we'.",
    "Look for a measurable result and why it mattered.",
    "Follow-up: what would you do differently now?",
};
static constexpr sv h_learned_fast[] = {
    "How they learned: sources, experiments, asking people; not just that they did.",
    "How they checked their understanding before relying on it in production.",
    "Follow-up: how do you decide when you know enough to start?",
};
static constexpr sv h_useful_feedback[] = {
    "Strong answers name the feedback precisely and show a concrete change afterwards.",
    "Watch for defensiveness when describing critical feedback.",
};
static constexpr sv h_typical_week[] = {
    "Look for how they balance focused work, collaboration and interruptions.",
    "Ask what they would change about that week and what stops them.",
};

// ---------------------------------------------------------------------------------------------
// Behavioral: medium
// ---------------------------------------------------------------------------------------------
static constexpr sv h_teammate_conflict[] = {
    "STAR structure: situation, task, action, result.",
    "Good answers show curiosity about the other person's view and a private, direct conversation.",
    "Red flags: blaming, escalating first, or 'I have never had a conflict'.",
};
static constexpr sv h_missed_deadline[] = {
    "When did they notice, and how early did they tell stakeholders?",
    "What did they cut or renegotiate, and what changed in their estimating afterwards?",
};
static constexpr sv h_disagree_manager[] = {
    "Did they bring data and alternatives rather than only objections?",
    "'Disagree and commit': once decided, did they support the decision?",
    "Follow-up: a time you were the one who turned out to be wrong.",
};
static constexpr sv h_ambiguous_reqs[] = {
    "How they found the real goal: talking to users, writing down assumptions, prototypes.",
    "How they chose what to build first and kept stakeholders informed.",
};
static constexpr sv h_prod_mistake[] = {
    "Ownership: they describe their own part plainly.",
    "Order of actions: mitigate first, then communicate, then root cause.",
    "Follow-up: what systemic change prevented a repeat (tests, alerts, process)?",
};
static constexpr sv h_hard_feedback[] = {
    "Specific, behaviour-focused feedback delivered privately and promptly.",
    "How the other person reacted and what happened afterwards.",
};

// ---------------------------------------------------------------------------------------------
// Behavioral: hard
// ---------------------------------------------------------------------------------------------
static constexpr sv h_lead_no_authority[] = {
    "How they built agreement: understanding others' incentives, written proposals, small wins.",
    "Scope of influence (team, several teams, organisation) calibrates seniority.",
    "Follow-up: someone who never came on board; what did you do?",
};
static constexpr sv h_failed_project[] = {
    "A real failure, with the candidate's own contribution to it.",
    "Look for reflection that changed later behaviour, not a disguised success story.",
};
static constexpr sv h_speed_vs_quality[] = {
    "Did they make the trade-off explicit, with the risks written down and agreed?",
    "How was the debt tracked and paid back, or was it?",
    "Follow-up: when is shipping with known bugs the right call?",
};
static constexpr sv h_tech_direction[] = {
    "The problem with the status quo, evidence gathered, alternatives compared.",
    "How they handled objections and the migration cost.",
    "Outcome measured after the change, including what did not go as planned.",
};
static constexpr sv h_underperformer[] = {
    "Did they try to understand causes (unclear expectations, personal issues, skills) before judging?",
    "Clear expectations, support, and follow-up; involving the manager at the right time.",
    "Respect for the person throughout; confidentiality.",
};
static constexpr sv h_ethics[] = {
    "Did they raise the concern, with whom, and how did they frame it?",
    "Look for judgement about proportionate response and escalation paths.",
    "Follow-up: what would you have done if nobody listened?",
};

// ---------------------------------------------------------------------------------------------
// The bank
// ---------------------------------------------------------------------------------------------
static constexpr seed_question bank[] = {
    // ----- algorithms / easy
    {"two-sum", "Pair With a Target Sum",
     "You are given an array of integers and a target value. Return the indices of two different "
     "elements whose sum equals the target. You may assume exactly one such pair exists.\n"
     "Example: [3, 8, 11, 2], target 10 -> [1, 3].\n\n"
     "Input: the first line holds n and the target, the second line the n integers.\n"
     "Output: the two indices (counted from 0) in increasing order, separated by a space.\n\n"
     "Example input:\n"
     "4 10\n"
     "3 8 11 2\n"
     "Example output:\n"
     "1 3",
     "algorithms", "easy", h_two_sum},
    {"balanced-brackets", "Balanced Brackets",
     "Given a string made of the characters ()[]{}, decide whether every opening bracket is closed by "
     "the same kind of bracket, in the correct order.\n"
     "Example: \"{[()]}\" is balanced, \"([)]\" is not.\n\n"
     "Input: one line with the string (it may be empty).\n"
     "Output: true if it is balanced, else false.\n\n"
     "Example input:\n"
     "{[()]}\n"
     "Example output:\n"
     "true",
     "algorithms", "easy", h_balanced_brackets},
    {"reverse-linked-list", "Reverse a Singly Linked List",
     "Given the head of a singly linked list, reverse the list and return its new head. "
     "Do it without allocating new nodes.\n"
     "Example: 1 -> 2 -> 3 becomes 3 -> 2 -> 1.\n\n"
     "Input: the first line holds n, the second line the n values of the list from head to tail (an "
     "empty line for an empty list). Build the list from them, reverse it, and print it.\n"
     "Output: the values of the reversed list from head to tail on one line, separated by spaces.\n\n"
     "Example input:\n"
     "3\n"
     "1 2 3\n"
     "Example output:\n"
     "3 2 1",
     "algorithms", "easy", h_reverse_list},
    {"merge-sorted-arrays", "Merge Two Sorted Arrays",
     "Two arrays of integers are each sorted in ascending order. Produce one array that contains all "
     "elements of both, also sorted.\n"
     "Example: [1, 4, 9] and [2, 3, 10] -> [1, 2, 3, 4, 9, 10].\n\n"
     "Input: four lines: n, the n values of the first array, m, the m values of the second array (an "
     "empty array is an empty line).\n"
     "Output: the merged array on one line, values separated by spaces.\n\n"
     "Example input:\n"
     "3\n"
     "1 4 9\n"
     "3\n"
     "2 3 10\n"
     "Example output:\n"
     "1 2 3 4 9 10",
     "algorithms", "easy", h_merge_sorted},
    {"search-insert-position", "Search Insert Position",
     "Given a sorted array of distinct integers and a target, return the index of the target if it is "
     "present, otherwise the index where it would have to be inserted to keep the array sorted. "
     "Aim for logarithmic time.\n\n"
     "Input: the first line holds n and the target, the second line the n sorted integers (an empty "
     "line when n is 0).\n"
     "Output: the index (counted from 0).\n\n"
     "Example input:\n"
     "4 5\n"
     "1 3 5 6\n"
     "Example output:\n"
     "2",
     "algorithms", "easy", h_insert_position},
    {"binary-tree-depth", "Depth of a Binary Tree",
     "Given the root of a binary tree, return its maximum depth: the number of nodes on the longest "
     "path from the root down to a leaf. An empty tree has depth 0.\n\n"
     "Input: the tree in level order on one line: the root's value, then the children of every node "
     "of the previous level from left to right, with null for a missing child and the trailing nulls "
     "left out (an empty line is the empty tree).\n"
     "Output: the depth.\n\n"
     "Example input:\n"
     "3 9 20 null null 15 7\n"
     "Example output:\n"
     "3",
     "algorithms", "easy", h_tree_depth},
    {"valid-anagram", "Are They Anagrams?",
     "Given two strings, decide whether one is a rearrangement of the letters of the other. "
     "Assume lowercase English letters to start with.\n"
     "Example: \"listen\" and \"silent\" -> true.\n\n"
     "Input: two lines, one string of lowercase letters each (either may be empty).\n"
     "Output: true or false.\n\n"
     "Example input:\n"
     "listen\n"
     "silent\n"
     "Example output:\n"
     "true",
     "algorithms", "easy", h_anagram},
    {"stock-single-trade", "Best Single Stock Trade",
     "You get a list of daily prices for one stock. Choose one day to buy and a later day to sell so "
     "the profit is as large as possible, and return that profit (0 if no trade makes money).\n\n"
     "Input: the first line holds the number of days n (at least 1), the second line the n prices.\n"
     "Output: the largest profit.\n\n"
     "Example input:\n"
     "6\n"
     "7 1 5 3 6 4\n"
     "Example output:\n"
     "5",
     "algorithms", "easy", h_stock_once},
    {"move-zeroes", "Move Zeroes to the End",
     "Rearrange an integer array in place so that all zeros move to the end while the non-zero values "
     "keep their original relative order.\n"
     "Example: [0, 5, 0, 3, 12] -> [5, 3, 12, 0, 0].\n\n"
     "Input: the first line holds n, the second line the n integers.\n"
     "Output: the rearranged array on one line, values separated by spaces.\n\n"
     "Example input:\n"
     "5\n"
     "0 5 0 3 12\n"
     "Example output:\n"
     "5 3 12 0 0",
     "algorithms", "easy", h_move_zeroes},
    {"climbing-stairs", "Counting Staircase Paths",
     "A staircase has n steps. Each move climbs either one or two steps. In how many distinct ways can "
     "you reach the top? Explain the growth of your solution's running time.\n\n"
     "Input: one line with n (1 <= n <= 70).\n"
     "Output: the number of ways (it fits in a 64-bit integer, and in a JavaScript number).\n\n"
     "Example input:\n"
     "3\n"
     "Example output:\n"
     "3",
     "algorithms", "easy", h_stairs},
    {"clean-palindrome", "Palindrome After Cleaning",
     "Decide whether a sentence reads the same forwards and backwards when you ignore case and every "
     "character that is not a letter or a digit.\n"
     "Example: \"Never odd, or even.\" -> true.\n\n"
     "Input: one line of ASCII text (it may be empty).\n"
     "Output: true or false.\n\n"
     "Example input:\n"
     "Never odd, or even.\n"
     "Example output:\n"
     "true",
     "algorithms", "easy", h_palindrome},

    // ----- algorithms / medium
    {"longest-unique-substring", "Longest Substring Without Repeats",
     "Given a string, find the length of its longest contiguous substring in which no character appears "
     "twice.\n"
     "Example: \"abcabcbb\" -> 3 (\"abc\").\n\n"
     "Input: one line with the string (printable ASCII characters, no spaces; it may be empty).\n"
     "Output: the length.\n\n"
     "Example input:\n"
     "abcabcbb\n"
     "Example output:\n"
     "3",
     "algorithms", "medium", h_longest_unique},
    {"group-anagrams", "Group the Anagrams",
     "Given a list of words, group together the words that are anagrams of each other. The groups and "
     "the words within them may be returned in any order.\n"
     "Example: [\"eat\", \"tea\", \"tan\", \"ate\", \"nat\"] -> [[\"eat\", \"tea\", \"ate\"], [\"tan\", \"nat\"]].\n\n"
     "Input: the first line holds n, the second line the n words (lowercase letters, separated by "
     "spaces).\n"
     "Output: one group per line, its words separated by spaces. So that the answer is unique, the "
     "words of a group are sorted alphabetically (repeated words kept), and the groups are sorted by "
     "their first word.\n\n"
     "Example input:\n"
     "5\n"
     "eat tea tan ate nat\n"
     "Example output:\n"
     "ate eat tea\n"
     "nat tan",
     "algorithms", "medium", h_group_anagrams},
    {"count-islands", "Count the Islands",
     "A grid contains '1' for land and '0' for water. Land cells connected horizontally or vertically "
     "form one island. Count the islands in the grid.\n\n"
     "Input: the first line holds the number of rows r and columns c (both at least 1), then r lines "
     "of c characters, each 0 or 1.\n"
     "Output: the number of islands.\n\n"
     "Example input:\n"
     "4 5\n"
     "11000\n"
     "11000\n"
     "00100\n"
     "00011\n"
     "Example output:\n"
     "3",
     "algorithms", "medium", h_islands},
    {"merge-intervals", "Merge Overlapping Intervals",
     "You are given a list of intervals [start, end] in no particular order. Merge all the intervals that "
     "overlap and return the resulting list sorted by start.\n"
     "Example: [[8,10], [1,3], [2,6]] -> [[1,6], [8,10]].\n\n"
     "Input: the first line holds n, then n lines with the start and end of an interval (start <= "
     "end). Intervals that share at least one point overlap, so [1, 2] and [2, 3] merge.\n"
     "Output: the merged intervals sorted by start, one per line: start and end separated by a "
     "space.\n\n"
     "Example input:\n"
     "3\n"
     "8 10\n"
     "1 3\n"
     "2 6\n"
     "Example output:\n"
     "1 6\n"
     "8 10",
     "algorithms", "medium", h_merge_intervals},
    {"top-k-frequent", "The k Most Frequent Elements",
     "Given an array of integers and a number k, return the k values that occur most often. "
     "Try to do better than sorting every distinct value by its count.\n\n"
     "Input: the first line holds n and k (k is at most the number of distinct values), the second "
     "line the n integers.\n"
     "Output: the k values on one line, separated by spaces: most frequent first, and among values "
     "that occur equally often the smaller value first.\n\n"
     "Example input:\n"
     "6 2\n"
     "1 1 1 2 2 3\n"
     "Example output:\n"
     "1 2",
     "algorithms", "medium", h_top_k},
    {"lru-cache", "Build an LRU Cache",
     "Design a cache with a fixed capacity supporting get(key) and put(key, value). When the cache is full, "
     "inserting a new key evicts the key that was used least recently. Both operations should run in "
     "constant time on average.\n\n"
     "Input: the first line holds the capacity (at least 1) and the number of operations q, then q "
     "lines, each \"put key value\" or \"get key\" (integers; values are not negative). A put of a "
     "key that is already cached replaces its value and counts as a use.\n"
     "Output: one line per get: the value, or -1 when the key is not in the cache.\n\n"
     "Example input:\n"
     "2 9\n"
     "put 1 1\n"
     "put 2 2\n"
     "get 1\n"
     "put 3 3\n"
     "get 2\n"
     "put 4 4\n"
     "get 1\n"
     "get 3\n"
     "get 4\n"
     "Example output:\n"
     "1\n"
     "-1\n"
     "-1\n"
     "3\n"
     "4",
     "algorithms", "medium", h_lru},
    {"course-order", "Order the Courses",
     "There are n courses, and a list of pairs (a, b) meaning course b must be taken before course a. "
     "Return an order in which all courses can be taken, or report that it is impossible.\n\n"
     "Input: the first line holds n (at least 1) and the number of pairs m, then m lines \"a b\": "
     "course b must be taken before course a. Courses are numbered 0 to n-1.\n"
     "Output: the order on one line, courses separated by spaces, or impossible. So that the answer "
     "is unique, whenever several courses could come next, take the one with the smallest number.\n\n"
     "Example input:\n"
     "4 4\n"
     "1 0\n"
     "2 0\n"
     "3 1\n"
     "3 2\n"
     "Example output:\n"
     "0 1 2 3",
     "algorithms", "medium", h_course_order},
    {"search-rotated-array", "Search a Rotated Sorted Array",
     "A sorted array of distinct integers has been rotated at some unknown index, e.g. [4, 5, 6, 7, 0, 1, 2]. "
     "Find the index of a target value, or -1, in logarithmic time.\n\n"
     "Input: the first line holds n and the target, the second line the n integers (an empty line "
     "when n is 0).\n"
     "Output: the index (counted from 0), or -1.\n\n"
     "Example input:\n"
     "7 0\n"
     "4 5 6 7 0 1 2\n"
     "Example output:\n"
     "4",
     "algorithms", "medium", h_rotated_search},
    {"fewest-coins", "Fewest Coins for an Amount",
     "Given coin denominations (unlimited supply of each) and an amount, return the smallest number of "
     "coins that add up to exactly that amount, or -1 if it cannot be done.\n"
     "Example: coins [1, 5, 6, 9], amount 11 -> 2 (5 + 6).\n\n"
     "Input: the first line holds the number of denominations k and the amount (0 <= amount <= "
     "10000), the second line the k denominations (positive integers).\n"
     "Output: the smallest number of coins, or -1.\n\n"
     "Example input:\n"
     "4 11\n"
     "1 5 6 9\n"
     "Example output:\n"
     "2",
     "algorithms", "medium", h_coin_change},
    {"validate-bst", "Is It a Binary Search Tree?",
     "Given the root of a binary tree, decide whether it is a valid binary search tree: for every node, "
     "all values in its left subtree are smaller and all values in its right subtree are larger.\n\n"
     "Input: the tree in level order on one line: the root's value, then the children of every node "
     "of the previous level from left to right, with null for a missing child and the trailing nulls "
     "left out (an empty line is the empty tree). Values are 32-bit integers.\n"
     "Output: true or false. Equal values are not allowed: a tree holding a value twice is not a "
     "search tree.\n\n"
     "Example input:\n"
     "2 1 3\n"
     "Example output:\n"
     "true",
     "algorithms", "medium", h_validate_bst},
    {"product-except-self", "Product of All Other Elements",
     "Given an integer array, return an array whose element i is the product of every element of the "
     "input except the one at i. Do not use division, and aim for linear time.\n\n"
     "Input: the first line holds n (at least 2), the second line the n integers. Every product fits "
     "in a 64-bit integer, and in a JavaScript number.\n"
     "Output: the n products on one line, separated by spaces.\n\n"
     "Example input:\n"
     "4\n"
     "1 2 3 4\n"
     "Example output:\n"
     "24 12 8 6",
     "algorithms", "medium", h_product_except_self},

    // ----- algorithms / hard
    {"median-two-sorted-arrays", "Median of Two Sorted Arrays",
     "Two sorted arrays of sizes m and n are given. Find the median of all their elements taken together "
     "in O(log(min(m, n))) time.\n\n"
     "Input: four lines: m, the m values of the first array, n, the n values of the second array (an "
     "empty array is an empty line; m + n is at least 1).\n"
     "Output: the median with exactly one digit after the decimal point (it is always a whole number "
     "or a half), e.g. 2.0 or -2.5.\n\n"
     "Example input:\n"
     "2\n"
     "1 3\n"
     "1\n"
     "2\n"
     "Example output:\n"
     "2.0",
     "algorithms", "hard", h_median_two},
    {"trapped-rain-water", "Trapped Rain Water",
     "An array of non-negative integers describes the heights of bars of width 1. After it rains, how "
     "many units of water are held between the bars?\n"
     "Example: [0, 2, 0, 3, 1, 0, 2] -> 5.\n\n"
     "Input: the first line holds n, the second line the n heights.\n"
     "Output: the units of water.\n\n"
     "Example input:\n"
     "7\n"
     "0 2 0 3 1 0 2\n"
     "Example output:\n"
     "5",
     "algorithms", "hard", h_rain_water},
    {"word-ladder", "Word Ladder",
     "Given a start word, an end word and a dictionary, find the length of the shortest sequence of words "
     "from start to end where each step changes exactly one letter and every intermediate word is in the "
     "dictionary. Return 0 if there is none.\n\n"
     "Input: the first line holds the start word and the end word (different, same length), the "
     "second line the number of dictionary words n, the third line the n words. All words are "
     "lowercase.\n"
     "Output: the number of words in the shortest sequence, start and end included, or 0. Only the "
     "intermediate words must be in the dictionary: the end word need not be.\n\n"
     "Example input:\n"
     "hit cog\n"
     "6\n"
     "hot dot dog lot log cog\n"
     "Example output:\n"
     "5",
     "algorithms", "hard", h_word_ladder},
    {"merge-k-sorted-lists", "Merge k Sorted Lists",
     "You are given k linked lists, each sorted in ascending order. Merge them into one sorted list and "
     "analyse the complexity in terms of k and the total number of nodes N.\n\n"
     "Input: the first line holds k, then k lines, one per list: its length followed by its values in "
     "ascending order.\n"
     "Output: the merged list on one line, values separated by spaces.\n\n"
     "Example input:\n"
     "3\n"
     "3 1 4 5\n"
     "3 1 3 4\n"
     "2 2 6\n"
     "Example output:\n"
     "1 1 2 3 4 4 5 6",
     "algorithms", "hard", h_merge_k},
    {"minimum-window-substring", "Smallest Window Containing a Pattern",
     "Given strings s and t, find the shortest contiguous substring of s that contains every character of t, "
     "including repeats. Return an empty string if none exists.\n"
     "Example: s = \"ADOBECODEBANC\", t = \"ABC\" -> \"BANC\".\n\n"
     "Input: two lines: s, then t (letters and digits, case-sensitive; t is not empty, s may be).\n"
     "Output: the window, or an empty line when there is none. Among several shortest windows, print "
     "the leftmost.\n\n"
     "Example input:\n"
     "ADOBECODEBANC\n"
     "ABC\n"
     "Example output:\n"
     "BANC",
     "algorithms", "hard", h_min_window},
    {"serialize-binary-tree", "Serialize and Rebuild a Binary Tree",
     "Write two functions: one that turns a binary tree into a string, and one that turns such a string "
     "back into an identical tree. Choose the format yourself and justify it.\n\n"
     "Input: two lines (for the tests the formats are fixed). The first is serialize or deserialize. "
     "For serialize, the second line is the tree in level order: the root's value, then the children "
     "of every node of the previous level from left to right, with null for a missing child and the "
     "trailing nulls left out (an empty line is the empty tree). For deserialize, it is the tree in "
     "pre-order: each node's value, then its left subtree, then its right subtree, with # for an "
     "empty subtree, all separated by spaces.\n"
     "Output: one line, the same tree in the other format: pre-order for serialize, level order for "
     "deserialize.\n\n"
     "Example input:\n"
     "serialize\n"
     "1 2 3 null null 4 5\n"
     "Example output:\n"
     "1 2 # # 3 4 # # 5 # #",
     "algorithms", "hard", h_serialize_tree},
    {"edit-distance", "Edit Distance",
     "Given two words, compute the minimum number of single-character insertions, deletions and "
     "substitutions needed to turn the first into the second.\n"
     "Example: \"kitten\" -> \"sitting\" needs 3.\n\n"
     "Input: two lines, one word each (lowercase letters; either may be empty).\n"
     "Output: the distance.\n\n"
     "Example input:\n"
     "kitten\n"
     "sitting\n"
     "Example output:\n"
     "3",
     "algorithms", "hard", h_edit_distance},
    {"sliding-window-maximum", "Maximum of Every Window",
     "Given an array and a window size k, return the maximum of each contiguous window of size k as the "
     "window slides from left to right. Aim for linear time overall.\n\n"
     "Input: the first line holds n and k (1 <= k <= n), the second line the n integers.\n"
     "Output: the n - k + 1 maxima on one line, separated by spaces.\n\n"
     "Example input:\n"
     "8 3\n"
     "1 3 -1 -3 5 3 6 7\n"
     "Example output:\n"
     "3 3 5 5 6 7",
     "algorithms", "hard", h_window_max},
    {"alien-dictionary", "Alien Alphabet Order",
     "You receive a list of words sorted according to the alphabet of an unknown language that uses Latin "
     "letters. Derive one possible ordering of the letters, or report that the list is inconsistent.\n\n"
     "Input: the first line holds n, then n lines with one word each (lowercase letters), in the "
     "order of the alien alphabet.\n"
     "Output: every letter that appears in the words, once, in an order consistent with the list, on "
     "one line without spaces; or invalid when no order fits. So that the answer is unique, whenever "
     "several letters could come next, take the one that comes first in the English alphabet.\n\n"
     "Example input:\n"
     "5\n"
     "wrt\n"
     "wrf\n"
     "er\n"
     "ett\n"
     "rftt\n"
     "Example output:\n"
     "wertf",
     "algorithms", "hard", h_alien_dict},
    {"wildcard-regex", "Tiny Regular Expression Matcher",
     "Implement matching of a whole text against a pattern where '.' matches any single character and '*' "
     "means zero or more of the element before it.\n"
     "Example: pattern \"c*a.b\" matches \"aab\" and \"ccaxb\".\n\n"
     "Input: two lines: the text (lowercase letters), then the pattern (lowercase letters, '.' and "
     "'*', every '*' following a letter or a '.'); either may be empty. The whole text must match.\n"
     "Output: true or false.\n\n"
     "Example input:\n"
     "aab\n"
     "c*a.b\n"
     "Example output:\n"
     "true",
     "algorithms", "hard", h_regex_match},

    // ----- system design / easy
    {"url-shortener", "Design a URL Shortener",
     "Design a service that turns long URLs into short links and redirects visitors from the short link "
     "to the original. Assume 100 million new links a month and a read-to-write ratio of 100 to 1.",
     "system-design", "easy", h_url_shortener},
    {"pastebin", "Design a Text-Sharing Service",
     "Design a service where users paste text, get a link to share it, and can choose an expiry time. "
     "Pastes can be public or unlisted. Discuss storage, ids and how pastes are served.",
     "system-design", "easy", h_pastebin},
    {"hit-counter", "Design a Page Hit Counter",
     "Design a component that records page views and answers how many views a page had in the last five "
     "minutes, hour and day. Start with one server, then spread it over many.",
     "system-design", "easy", h_hit_counter},
    {"thumbnail-service", "Design an Image Thumbnail Service",
     "Users upload photos and the product shows them in three smaller sizes. Design the pipeline from "
     "upload to a thumbnail being displayed, including what happens when processing fails.",
     "system-design", "easy", h_thumbnails},
    {"todo-backend", "Design the Backend of a To-Do App",
     "Design the API and data model for a to-do list app used on web and phones. Users own lists, can "
     "share a list with others, and expect changes to show up on all their devices.",
     "system-design", "easy", h_todo_backend},
    {"game-leaderboard", "Design a Game Leaderboard",
     "A mobile game with ten million players needs a global leaderboard: submit a score, show the top 100, "
     "and show a player's own rank. Design it.",
     "system-design", "easy", h_leaderboard},

    // ----- system design / medium
    {"rate-limiter", "Design an API Rate Limiter",
     "Design a rate limiter that protects a public API, allowing each client a configurable number of "
     "requests per time window. It runs in front of many stateless API servers.",
     "system-design", "medium", h_rate_limiter},
    {"news-feed", "Design a Social News Feed",
     "Design the home feed of a social network: users follow others and see recent posts from the people "
     "they follow. Some accounts have tens of millions of followers.",
     "system-design", "medium", h_news_feed},
    {"chat-service", "Design a Chat Service",
     "Design a messaging service supporting one-to-one and small group conversations, online indicators "
     "and message history across devices.",
     "system-design", "medium", h_chat},
    {"notification-system", "Design a Notification System",
     "Many internal services need to notify users by email, SMS and mobile push. Design a shared system "
     "that respects user preferences and never spams the same message twice.",
     "system-design", "medium", h_notifications},
    {"web-crawler", "Design a Web Crawler",
     "Design a crawler that fetches a billion web pages a month for a search index. It must be polite to "
     "websites and avoid fetching the same content repeatedly.",
     "system-design", "medium", h_crawler},
    {"search-autocomplete", "Design Search Autocomplete",
     "As a user types into a search box, show the five most popular completions of what they typed so "
     "far. Suggestions should appear within about 100 ms.",
     "system-design", "medium", h_typeahead},

    // ----- system design / hard
    {"distributed-kv-store", "Design a Distributed Key-Value Store",
     "Design a key-value store spread over many machines that stays available when machines fail. "
     "Discuss partitioning, replication, consistency and how conflicting writes are resolved.",
     "system-design", "hard", h_kv_store},
    {"ride-dispatch", "Design Ride-Hailing Dispatch",
     "Design the part of a ride-hailing service that matches riders with nearby drivers in real time "
     "across a large city, and tracks the trip until it ends.",
     "system-design", "hard", h_ride_dispatch},
    {"video-streaming", "Design a Video Streaming Platform",
     "Design a platform where creators upload videos and millions of viewers watch them on connections of "
     "very different quality. Cover the path from upload to playback.",
     "system-design", "hard", h_video_streaming},
    {"collaborative-editor", "Design a Collaborative Document Editor",
     "Design an editor where several people edit the same document at the same time and see each other's "
     "changes and cursors live. Nobody's edits may be lost.",
     "system-design", "hard", h_collab_editor},
    {"payment-system", "Design a Payment System",
     "Design the backend that charges customers for orders through external payment providers. "
     "A customer must never be charged twice, and every cent must be accounted for.",
     "system-design", "hard", h_payments},
    {"job-scheduler", "Design a Distributed Job Scheduler",
     "Design a service that runs millions of user-defined jobs on schedules (once at a time, or "
     "cron-like), on a fleet of workers, even when workers crash.",
     "system-design", "hard", h_job_scheduler},

    // ----- behavioral / easy
    {"introduce-yourself", "Walk Me Through Your Background",
     "Give a short overview of your background and what you have been working on recently, and what "
     "brings you to interviewing for this kind of role.",
     "behavioral", "easy", h_about_you},
    {"why-this-role", "Why This Role?",
     "What draws you to this role and this kind of team? What do you hope to learn or achieve in your "
     "first year?",
     "behavioral", "easy", h_why_role},
    {"proudest-project", "A Project You Are Proud Of",
     "Tell me about a project you are proud of. What was your part in it, and what made the result "
     "worthwhile?",
     "behavioral", "easy", h_proud_project},
    {"learned-quickly", "Learning Something New, Fast",
     "Describe a time you had to become productive with a technology or domain that was new to you in a "
     "short time. How did you go about it?",
     "behavioral", "easy", h_learned_fast},
    {"useful-feedback", "Feedback That Helped You",
     "What is the most useful piece of feedback you have received, and what did you do with it?",
     "behavioral", "easy", h_useful_feedback},
    {"typical-week", "Your Typical Work Week",
     "Walk me through a typical week in your current or most recent role. Where does your time go, and "
     "which parts do you enjoy most?",
     "behavioral", "easy", h_typical_week},

    // ----- behavioral / medium
    {"teammate-conflict", "Disagreement With a Teammate",
     "Tell me about a time you disagreed strongly with a teammate about how to do something. How did you "
     "handle it, and how did it end?",
     "behavioral", "medium", h_teammate_conflict},
    {"missed-deadline", "A Deadline You Missed",
     "Describe a time you realised you were not going to meet a commitment. What did you do, and what did "
     "you learn from it?",
     "behavioral", "medium", h_missed_deadline},
    {"disagree-with-manager", "Pushing Back on Your Manager",
     "Tell me about a decision by your manager or lead that you disagreed with. What did you do about it?",
     "behavioral", "medium", h_disagree_manager},
    {"ambiguous-requirements", "Working From Vague Requirements",
     "Describe a piece of work where the goal or the requirements were unclear. How did you decide what "
     "to build?",
     "behavioral", "medium", h_ambiguous_reqs},
    {"production-mistake", "A Mistake That Reached Users",
     "Tell me about a mistake of yours that affected users or customers. What happened, what did you do "
     "in the moment, and afterwards?",
     "behavioral", "medium", h_prod_mistake},
    {"giving-hard-feedback", "Giving Difficult Feedback",
     "Describe a time you had to give someone feedback they probably did not want to hear. "
     "How did you prepare and deliver it?",
     "behavioral", "medium", h_hard_feedback},

    // ----- behavioral / hard
    {"lead-without-authority", "Leading Without Authority",
     "Tell me about a time you got a group of people who did not report to you to change how they "
     "worked, or to adopt something you proposed.",
     "behavioral", "hard", h_lead_no_authority},
    {"failed-project", "A Project That Failed",
     "Describe a project that failed or was cancelled while you were deeply involved. Why did it fail, "
     "and what was your share in that?",
     "behavioral", "hard", h_failed_project},
    {"speed-vs-quality", "Trading Quality for Speed",
     "Tell me about a time you had to choose between shipping quickly and doing it properly. How did you "
     "decide, and how did it turn out?",
     "behavioral", "hard", h_speed_vs_quality},
    {"changed-technical-direction", "Changing a Technical Direction",
     "Describe a time you convinced your team or organisation to change an important technical decision, "
     "such as a framework, an architecture or a process.",
     "behavioral", "hard", h_tech_direction},
    {"struggling-teammate", "Helping a Struggling Teammate",
     "Tell me about a time someone on your team was consistently not delivering. What did you do, and "
     "what was the outcome?",
     "behavioral", "hard", h_underperformer},
    {"ethical-concern", "Raising an Ethical Concern",
     "Describe a situation where you were asked to do something you believed was wrong for users or for "
     "the company. What did you do?",
     "behavioral", "hard", h_ethics},
};

}  // namespace

std::span<const seed_question> question_bank() { return bank; }

}  // namespace mm::store
