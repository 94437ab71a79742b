#include "store/question_tests.hpp"

// The example tests of the bank's algorithms questions, by slug (store/question_bank.cpp holds
// the questions; each body states the input and output format these tests follow). Every
// question's tests are checked by its reference solutions in tests/questions/solutions/
// (tests/questions/solutions.test.js); docs/questions.md lists the formats.

namespace mm::store {
namespace {

constexpr question_test two_sum[] = {
    {"example", "4 10\n3 8 11 2\n", "1 3\n"},
    {"equal values", "2 6\n3 3\n", "0 1\n"},
    {"negative numbers", "5 -5\n-4 7 -1 9 5\n", "0 2\n"},
    {"zeros", "3 0\n0 5 0\n", "0 2\n"},
    {"forty numbers",
     "40 -1186\n"
     "379 -10 95 399 -745 187 -125 116 -8 57 -993 441 -373 -146 -354 920 -495 -839 -85 -617 455 "
     "26 883 422 290 280 646 837 846 666 616 849 -118 -717 166 -281 357 568 -496 -691\n",
     "16 39\n"},
};
constexpr question_test balanced_brackets[] = {
    {"example", "{[()]}\n", "true\n"},
    {"wrong order", "([)]\n", "false\n"},
    {"empty string", "\n", "true\n"},
    {"opener never closed", "((\n", "false\n"},
    {"closer first", "){\n", "false\n"},
    {"long and balanced",
     "[]{}[]{}{}[{}(){}]({{[]}}[])[]{()}(){()}[([]{[]()()([])})][](()){()}{}{}{}{}{[][[]{}]{{}(())"
     "}{{[()]{[]}}}}()[()(([([([{}]{}{}{([({([])}[](){})]())({}{[]{{([[]{}]{{}}[][()[]{}]{[]}){}}}"
     "{}}[[]]){(([{}(({{}}{([]{}[]){{()}}{}()[]}))({[]}){{[[((){(((){{[[({[{{[[]({({}{}(()))()()[]"
     "{{}[[{}{{{(){(){}}}}[]}{[][]}{}]][](())[{}]}}){}]}{}}]}){}[[](([{{}}(){}]){[(({{[{}]}}){{}})"
     "({{{}}[[]{}]{}{{([(())()]{})}}})]{{}[{[]{{}(){[{{()}[]}]{{{{}}}(){}}}[{}{}]}{}[{{}()}]}]}}(["
     "]{(())})({[]}{}{[(())]}))()[]]]]{{}}[()({}{})]}{}}))(){}[[]()]})]{{}[]}{}({[]}({()}())[{}[{{"
     "((){{}[]{}[]})}}([{}{[]()()}])]])]}}]))}})])]))]\n",
     "true\n"},
    {"long with one wrong closer",
     "[]()(([(){}]{(({[(())[[]]([]){{()}}]}){[](){[]}})}))({[[([]){}{()[]}]]}({}({[{{}}](()[[[[{()"
     "}][[]{()}((()[]{[[{}]]()(()[])}{}{[]}{}){[]}([({}())()[]]))[([({})]())]{([{[()[((){}(){()([]"
     ")()}{}){[(){}{[(([{{[]}[][[[([][()]{}())]][({()}([]({}[][[][{}](())]{({[()][(){}[]]})[]}{{[]"
     "}{{()({}[[]])(({([]{([][]{({}[]{}(()))})})}()){()}[([]{[]}{[}}){{{({})}{}}[]()}])}({}){}{[{}"
     "()]}}{}()})[{([]{}{}[])[(())]}](){{{}(({(({(([([{(){{}}}]([[][({()})([][()])[]({})]{}{}](([]"
     "{[()({{}[{()}][()]()}[[]])[(()({}[[][]])[])]{{[]}{[]()}}]{([[(())({[{}]})]{{[[{[[{[[]]}]]}]]"
     "}}])}}))))]))}))}))}}))]]}]))]}]}]]}])}]]]])})))\n",
     "false\n"},
};
constexpr question_test reverse_linked_list[] = {
    {"example", "3\n1 2 3\n", "3 2 1\n"},
    {"empty list", "0\n\n", ""},
    {"one node", "1\n42\n", "42\n"},
    {"duplicates and negatives",
     "15\n"
     "-20 33 -48 17 -12 11 24 43 -44 36 -43 37 -35 5 -46\n",
     "-46 5 -35 37 -43 36 -44 43 24 11 -12 17 -48 33 -20\n"},
};
constexpr question_test merge_sorted_arrays[] = {
    {"example", "3\n1 4 9\n3\n2 3 10\n", "1 2 3 4 9 10\n"},
    {"first array empty", "0\n\n3\n-2 0 5\n", "-2 0 5\n"},
    {"both empty", "0\n\n0\n\n", ""},
    {"duplicates and negatives", "4\n-3 -3 0 7\n3\n-3 1 7\n", "-3 -3 -3 0 1 7 7\n"},
    {"different lengths",
     "30\n"
     "-100 -96 -95 -85 -74 -66 -51 -43 -32 -15 -11 -2 4 15 22 26 28 29 30 30 38 40 45 50 50 53 66 "
     "77 89 96\n"
     "5\n"
     "-45 8 33 47 75\n",
     "-100 -96 -95 -85 -74 -66 -51 -45 -43 -32 -15 -11 -2 4 8 15 22 26 28 29 30 30 33 38 40 45 47 "
     "50 50 53 66 75 77 89 96\n"},
};
constexpr question_test search_insert_position[] = {
    {"example", "4 5\n1 3 5 6\n", "2\n"},
    {"absent, in the middle", "4 2\n1 3 5 6\n", "1\n"},
    {"smaller than all", "4 0\n1 3 5 6\n", "0\n"},
    {"larger than all", "4 7\n1 3 5 6\n", "4\n"},
    {"empty array", "0 3\n\n", "0\n"},
    {"hundred values with negatives",
     "100 149\n"
     "-496 -495 -479 -475 -474 -463 -437 -414 -410 -402 -396 -391 -382 -366 -353 -337 -329 -323 "
     "-320 -288 -283 -270 -266 -265 -264 -262 -252 -241 -237 -214 -208 -196 -180 -174 -169 -148 "
     "-133 -109 -108 -100 -95 -88 -84 -82 -75 -66 -65 -58 -35 -31 1 21 69 74 79 97 110 114 121 "
     "128 148 161 180 181 184 186 190 197 229 245 250 267 292 294 295 298 313 315 322 324 326 334 "
     "338 342 355 360 377 380 388 389 416 417 419 433 466 474 475 483 494 495\n",
     "61\n"},
};
constexpr question_test binary_tree_depth[] = {
    {"example", "3 9 20 null null 15 7\n", "3\n"},
    {"empty tree", "\n", "0\n"},
    {"one node", "1\n", "1\n"},
    {"chain to the right", "1 null 2 null 3 null 4 null 5\n", "5\n"},
    {"unbalanced", "1 2 3 4 null null null 5\n", "4\n"},
    {"forty random nodes",
     "96 60 -52 -97 -28 -11 95 74 -46 -44 66 20 -51 55 56 5 -15 35 31 null -32 -40 99 null null "
     "null null null 11 null null null null null null -12 null null -52 null null null 40 43 null "
     "null null 4 -33 -13 84 null null 25 34 -91 null -60 null null null null null 9 -65 -11 null "
     "null null null null null null null null null -66 null -94\n",
     "10\n"},
};
constexpr question_test valid_anagram[] = {
    {"example", "listen\nsilent\n", "true\n"},
    {"same letters, different counts", "aab\nabb\n", "false\n"},
    {"different lengths", "abc\nab\n", "false\n"},
    {"both empty", "\n\n", "true\n"},
    {"long, shuffled",
     "eiebbhcbjdbhcbafjgfbehcdajjabaciibbcegbhgfghbfjbcejjcgedhajeaibfdfcfddgidhdefeijcjjhchhghgac"
     "jjacfjhbdhcihceibgbjhgcfiejajaejhgjddiaeiehfdcdjaibhfibgdbbccbcghijjhcfeihgeeiddjcffcbiidhha"
     "ibhjijfjdfhcjabfifdffjccdbagfgfhbjdchhhcicifcdehidhihcdihghcdhdaaiebiceajdjehbchfcfgfdjddgha"
     "hbjidgahhajhcbdjhjdjeihbiddheajbbdgefjbcacaihhfchddhediaedfdgdhhefichchcaiffchieedbagbebbidf"
     "cedffiheeabjeebfegbhfaciigehicccajgghhchbbdgghahccecedfafgajfbchagfcjhbicjehbffbibjjicaaehge"
     "djaidjjchifihachcidfjfibdgdjcgejeidfadfj\n"
     "jchjbgjahdijdcaffhfehcdcgdhfgjgjacdhajhhbjijciihhdjbjichhgfdeejaijdibiahhiegfbjeefiggccahaac"
     "jgfhccjihjahjeacbdbeibhefegaihafhffidijaaeedcfeacgibeedbagbgifhbffdidcjeadhcgfehbeaegdgiejhj"
     "ecdcdadffcbbidgibegibicjebjicchhidhhigjbeejcaiacegghfjdhibihhedgddgbcbaididfihcihhfhbicibgib"
     "bbcddcddadfjdjbhhjefjdcdebjafabhfhfgeghhbhbgecajdecchbdhcjfhcgghccbecjgcjjgaegjhfbffdeghfich"
     "ihddhfcbhdahffaddbdidhaccicbbjbfbjcfjibccihibhhfiddijbjdfjjibcijaahbhhdhfdjaehaffjfjhbbhdccj"
     "hfcegiehfjjeicefaedbedahcjacacfcicfdefce\n",
     "true\n"},
    {"long, one letter changed",
     "eiebbhcbjdbhcbafjgfbehcdajjabaciibbcegbhgfghbfjbcejjcgedhajeaibfdfcfddgidhdefeijcjjhchhghgac"
     "jjacfjhbdhcihceibgbjhgcfiejajaejhgjddiaeiehfdcdjaibhfibgdbbccbcghijjhcfeihgeeiddjcffcbiidhha"
     "ibhjijfjdfhcjabfifdffjccdbagfgfhbjdchhhcicifcdehidhihcdihghcdhdaaiebiceajdjehbchfcfgfdjddgha"
     "hbjidgahhajhcbdjhjdjeihbiddheajbbdgefjbcacaihhfchddhediaedfdgdhhefichchcaiffchieedbagbebbidf"
     "cedffiheeabjeebfegbhfaciigehicccajgghhchbbdgghahccecedfafgajfbchagfcjhbicjehbffbibjjicaaehge"
     "djaidjjchifihachcidfjfibdgdjcgejeidfadfj\n"
     "jchjbgjbhdijdcaffhfehcdcgdhfgjgjacdhajhhbjijciihhdjbjichhgfdeejaijdibiahhiegfbjeefiggccahaac"
     "jgfhccjihjahjeacbdbeibhefegaihafhffidijaaeedcfeacgibeedbagbgifhbffdidcjeadhcgfehbeaegdgiejhj"
     "ecdcdadffcbbidgibegibicjebjicchhidhhigjbeejcaiacegghfjdhibihhedgddgbcbaididfihcihhfhbicibgib"
     "bbcddcddadfjdjbhhjefjdcdebjafabhfhfgeghhbhbgecajdecchbdhcjfhcgghccbecjgcjjgaegjhfbffdeghfich"
     "ihddhfcbhdahffaddbdidhaccicbbjbfbjcfjibccihibhhfiddijbjdfjjibcijaahbhhdhfdjaehaffjfjhbbhdccj"
     "hfcegiehfjjeicefaedbedahcjacacfcicfdefce\n",
     "false\n"},
};
constexpr question_test stock_single_trade[] = {
    {"example", "6\n7 1 5 3 6 4\n", "5\n"},
    {"prices only fall", "5\n7 6 4 3 1\n", "0\n"},
    {"one day", "1\n5\n", "0\n"},
    {"lowest price after the highest", "4\n2 9 1 7\n", "7\n"},
    {"two hundred days",
     "200\n"
     "404 981 802 454 170 92 856 552 51 184 276 776 518 359 161 560 746 607 183 599 864 592 207 "
     "936 540 598 577 564 847 676 94 587 176 114 471 584 261 889 219 17 131 389 351 186 365 368 "
     "576 936 656 863 374 34 701 977 511 983 617 564 778 765 525 228 761 633 72 384 581 873 31 "
     "568 465 987 168 747 396 171 993 387 580 483 644 337 944 263 385 265 418 798 463 3 847 759 "
     "591 761 231 757 942 732 248 540 199 668 895 37 722 199 292 834 972 371 371 670 339 586 648 "
     "705 52 221 91 681 477 689 557 712 133 987 930 760 68 630 154 77 314 565 564 11 458 572 83 "
     "305 424 267 212 897 486 402 635 41 826 527 393 595 496 380 763 574 65 520 609 445 703 693 "
     "723 150 807 314 580 479 817 843 854 345 484 945 45 453 45 142 348 826 333 706 713 484 847 "
     "684 192 79 515 7 158 929 556 600 131 894 926 840 935 815\n",
     "984\n"},
};
constexpr question_test move_zeroes[] = {
    {"example", "5\n0 5 0 3 12\n", "5 3 12 0 0\n"},
    {"all zeros", "3\n0 0 0\n", "0 0 0\n"},
    {"no zeros", "4\n4 -2 7 1\n", "4 -2 7 1\n"},
    {"empty array", "0\n\n", ""},
    {"negatives and zeros",
     "30\n"
     "0 5 4 3 0 0 0 -9 0 0 0 0 0 0 2 0 0 -6 0 0 -8 0 0 1 0 0 0 -2 0 3\n",
     "5 4 3 -9 2 -6 -8 1 -2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"},
};
constexpr question_test climbing_stairs[] = {
    {"example", "3\n", "3\n"},
    {"one step", "1\n", "1\n"},
    {"two steps", "2\n", "2\n"},
    {"ten steps", "10\n", "89\n"},
    {"seventy steps", "70\n", "308061521170129\n"},
};
constexpr question_test clean_palindrome[] = {
    {"example", "Never odd, or even.\n", "true\n"},
    {"empty line", "\n", "true\n"},
    {"only punctuation", ".,!? -\n", "true\n"},
    {"digit against letter", "0P\n", "false\n"},
    {"not a palindrome", "race a car\n", "false\n"},
    {"a long sentence", "A man, a plan, a canal: Panama!\n", "true\n"},
    {"digits count", "Step 1 on no 1 pets\n", "true\n"},
};
constexpr question_test longest_unique_substring[] = {
    {"example", "abcabcbb\n", "3\n"},
    {"empty string", "\n", "0\n"},
    {"one repeated character", "bbbbb\n", "1\n"},
    {"repeat before the window", "abba\n", "2\n"},
    {"repeat inside", "pwwkew\n", "3\n"},
    {"all distinct", "abcdefghijklmnopqrstuvwxyz0123456789\n", "36\n"},
    {"thousand characters",
     "qmnjifqohkasgpnhpjjcnrnjnsptbalfflpheoippftssjncthqteenqlknckmqojfdltkfjolqeicahraoahqhgnklc"
     "olpqcfhemogrrpqcqmarroibelljfjeckojijnieoonissjhjokdijgcactrlbonfqjpfctqrkbideahbftraamgrosd"
     "gjhtlpbapphioiadtajitbiprgbsartlgpscmlboolhpsfonnqtaaqplahjlpqqnkejfkadearshinjalthifrmdlgrs"
     "dtdsicksaofherisobckttemanqchnlohdmpigeiorgdjpkkejpakkmhnhnsoqjtokggjahdiebqflmarqarcqeofqlh"
     "ssplnhonjtbfbnposnssjoihrqjgtdjoraioajborglccqtrribsqqasthpgagnffhgboprcflmfeloiogmkjptqrmln"
     "ikongthgobrnqqqlmnqeckdqphaemmlofghdqmjishiljrdppltftosaqdfkfrorkabgpmkhkqrptbmhsekkeikdmffc"
     "qlbccakjjnqtqlrckbkniedhhgerijdgcefnpgtqmhbqtinfsfcbjtqodeqfrpeomepcjdrqhqkbiosfmdhmtkdstqkl"
     "orfbqdnkmiqkhgsiioksqsjcjotiaoljfreqdnqlqogihalfesltrfobnanookcaepqlcnpnbgegfeosrnmipkchgjgi"
     "ikhljmlgmajnsqnigncbmtnjnhqilkfeicllkapfarpmbeitlbtnfanehnpkmlpgtgjrsegqcmdfaaabcflnekpocjhd"
     "qcgleplqispkonsqnjtsthlktpfdtbfmcnmbjnisqslhdtfmtsgirafgchmalpppkejlfjmpefgtethnhdnglslmqghe"
     "kocbrfsqhrijgjlfhhpbmrftegmciijhbithehklpjhcqmsjnrnetmjnnahcrlkrbcfdckcgrghbkfod\n",
     "14\n"},
};
constexpr question_test group_anagrams[] = {
    {"example", "5\neat tea tan ate nat\n", "ate eat tea\nnat tan\n"},
    {"no words", "0\n\n", ""},
    {"repeated words", "3\nab ba ab\n", "ab ab ba\n"},
    {"no anagrams", "3\nghi abc def\n", "abc\ndef\nghi\n"},
    {"same letters, different counts", "4\naab bab aba abb\n", "aab aba\nabb bab\n"},
    {"forty words",
     "40\n"
     "eebc eae ceeb ed ddb ebce aa addd dac eae ddda eecb ec bb dcc ce ddad ebce ddb dcc ddb ddb "
     "de abab dbd bdd dbd ddb bdd dca bb ce dadd ddb bb bb dbd aa eceb aa\n",
     "aa aa aa\n"
     "abab\n"
     "addd dadd ddad ddda\n"
     "bb bb bb bb\n"
     "bdd bdd dbd dbd dbd ddb ddb ddb ddb ddb ddb\n"
     "ce ce ec\n"
     "ceeb ebce ebce eceb eebc eecb\n"
     "dac dca\n"
     "dcc dcc\n"
     "de ed\n"
     "eae eae\n"},
};
constexpr question_test count_islands[] = {
    {"example", "4 5\n11000\n11000\n00100\n00011\n", "3\n"},
    {"all water", "2 3\n000\n000\n", "0\n"},
    {"one cell of land", "1 1\n1\n", "1\n"},
    {"diagonal cells are separate", "3 3\n101\n010\n101\n", "5\n"},
    {"a ring around a lake", "3 3\n111\n101\n111\n", "1\n"},
    {"twenty by thirty",
     "20 30\n"
     "100010110101111110101010000101\n"
     "010010001111001000010110101001\n"
     "100011100111111100001100000011\n"
     "001011000100000010010001000100\n"
     "001100110001101000111011110100\n"
     "000101101001000100111110111101\n"
     "110101001110011110100000011100\n"
     "111100111010010111101001000001\n"
     "100001100010110010001101101110\n"
     "100100100110010110111101011001\n"
     "000001001000000110010101101111\n"
     "101111111000001001110010101000\n"
     "110111010000111001100100101110\n"
     "011100010011110000010010000110\n"
     "100011110001111100010000100011\n"
     "101101000010010100000111110000\n"
     "100000100001001000010001011001\n"
     "011010100101101011011010000001\n"
     "111001011000101100000001010110\n"
     "001100000000101101001100100100\n",
     "55\n"},
};
constexpr question_test merge_intervals[] = {
    {"example", "3\n8 10\n1 3\n2 6\n", "1 6\n8 10\n"},
    {"touching intervals", "2\n2 3\n1 2\n", "1 3\n"},
    {"nested intervals", "3\n1 10\n2 3\n4 5\n", "1 10\n"},
    {"one interval", "1\n5 5\n", "5 5\n"},
    {"empty list", "0\n", ""},
    {"twenty-five with negatives",
     "25\n"
     "-17 -5\n"
     "33 40\n"
     "-36 -32\n"
     "-8 -2\n"
     "-26 -16\n"
     "-80 -78\n"
     "29 29\n"
     "-28 -16\n"
     "69 72\n"
     "96 96\n"
     "36 38\n"
     "-36 -36\n"
     "0 12\n"
     "44 46\n"
     "-3 3\n"
     "79 79\n"
     "-28 -21\n"
     "23 28\n"
     "-79 -75\n"
     "23 25\n"
     "-43 -40\n"
     "44 49\n"
     "-76 -64\n"
     "87 93\n"
     "-87 -85\n",
     "-87 -85\n"
     "-80 -64\n"
     "-43 -40\n"
     "-36 -32\n"
     "-28 12\n"
     "23 28\n"
     "29 29\n"
     "33 40\n"
     "44 49\n"
     "69 72\n"
     "79 79\n"
     "87 93\n"
     "96 96\n"},
};
constexpr question_test top_k_frequent[] = {
    {"example", "6 2\n1 1 1 2 2 3\n", "1 2\n"},
    {"ties go to the smaller value", "6 2\n5 5 -1 -1 3 3\n", "-1 3\n"},
    {"k is every distinct value", "5 3\n4 4 2 9 2\n", "2 4 9\n"},
    {"one element", "1 1\n7\n", "7\n"},
    {"two hundred values",
     "200 5\n"
     "-12 -11 -11 -3 13 6 13 -4 -14 -7 3 2 20 -9 12 3 -6 -9 16 13 -19 16 -6 -1 -17 -18 0 -12 8 "
     "-11 -4 18 -15 5 4 16 17 5 9 -20 19 -17 -17 -19 19 -6 13 12 20 -2 18 -15 13 1 -13 -3 -1 11 "
     "18 -11 -11 -3 19 -8 14 13 6 -9 12 -16 -19 -13 20 -7 17 -5 19 14 -1 -17 3 1 -15 -8 2 11 1 -6 "
     "16 -14 -14 -5 -3 9 -12 17 -16 18 3 0 14 20 19 -16 -10 -15 -19 4 6 18 0 -15 -14 -10 4 4 4 -8 "
     "-20 -9 15 14 19 0 11 0 -14 2 -11 -5 18 -14 -4 -2 -14 -5 -5 20 15 -8 -10 1 8 15 -6 -5 7 -12 "
     "2 18 -18 -9 -15 -9 -11 20 19 0 -2 9 -10 12 -11 -17 -20 1 -14 -14 14 1 17 -9 8 -5 4 -9 9 -12 "
     "10 -1 -12 6 -1 8 11 -19 13 8 -18 7 -7 -10 7 5 -6 -9 -7 -6 9 10\n",
     "-14 -9 -11 -6 -5\n"},
};
constexpr question_test lru_cache[] = {
    {"example",
     "2 9\n"
     "put 1 1\n"
     "put 2 2\n"
     "get 1\n"
     "put 3 3\n"
     "get 2\n"
     "put 4 4\n"
     "get 1\n"
     "get 3\n"
     "get 4\n",
     "1\n"
     "-1\n"
     "-1\n"
     "3\n"
     "4\n"},
    {"capacity one", "1 5\nput 1 10\nput 2 20\nget 1\nget 2\nget 3\n", "-1\n20\n-1\n"},
    {"updating a key refreshes it",
     "2 7\n"
     "put 1 1\n"
     "put 2 2\n"
     "put 1 5\n"
     "put 3 3\n"
     "get 1\n"
     "get 2\n"
     "get 3\n",
     "5\n"
     "-1\n"
     "3\n"},
    {"get on an empty cache", "3 2\nget 5\nget 0\n", "-1\n-1\n"},
    {"two hundred operations",
     "5 200\n"
     "put 11 468\n"
     "put 6 815\n"
     "get 10\n"
     "get 12\n"
     "get 1\n"
     "get 0\n"
     "get 2\n"
     "put 5 859\n"
     "put 3 23\n"
     "get 5\n"
     "get 10\n"
     "get 7\n"
     "put 4 729\n"
     "get 4\n"
     "put 7 230\n"
     "get 11\n"
     "get 4\n"
     "get 4\n"
     "put 8 341\n"
     "get 5\n"
     "put 10 844\n"
     "put 6 459\n"
     "get 11\n"
     "get 11\n"
     "get 5\n"
     "get 4\n"
     "get 0\n"
     "get 1\n"
     "get 5\n"
     "put 12 469\n"
     "put 1 669\n"
     "get 11\n"
     "get 6\n"
     "get 0\n"
     "put 5 192\n"
     "put 5 146\n"
     "get 6\n"
     "put 4 110\n"
     "put 8 848\n"
     "get 7\n"
     "get 10\n"
     "get 3\n"
     "put 8 66\n"
     "put 10 782\n"
     "get 8\n"
     "put 6 305\n"
     "put 1 492\n"
     "get 4\n"
     "get 9\n"
     "get 6\n"
     "get 1\n"
     "get 10\n"
     "put 4 764\n"
     "put 3 105\n"
     "get 10\n"
     "put 5 494\n"
     "put 5 391\n"
     "get 9\n"
     "put 1 946\n"
     "get 11\n"
     "put 9 504\n"
     "put 8 340\n"
     "get 0\n"
     "get 9\n"
     "get 4\n"
     "put 10 138\n"
     "get 9\n"
     "put 7 785\n"
     "get 2\n"
     "get 4\n"
     "put 1 273\n"
     "get 4\n"
     "put 1 733\n"
     "get 11\n"
     "get 6\n"
     "get 6\n"
     "put 2 293\n"
     "get 9\n"
     "put 3 435\n"
     "get 0\n"
     "put 10 505\n"
     "put 4 732\n"
     "put 6 106\n"
     "put 9 486\n"
     "get 6\n"
     "get 10\n"
     "get 6\n"
     "get 3\n"
     "put 10 402\n"
     "get 12\n"
     "put 7 828\n"
     "get 12\n"
     "put 9 611\n"
     "put 6 277\n"
     "get 6\n"
     "put 12 208\n"
     "put 5 642\n"
     "put 8 752\n"
     "put 0 13\n"
     "put 2 227\n"
     "put 10 780\n"
     "put 12 140\n"
     "get 12\n"
     "put 9 526\n"
     "put 2 213\n"
     "put 9 892\n"
     "put 8 63\n"
     "put 1 429\n"
     "put 9 956\n"
     "put 5 217\n"
     "put 0 60\n"
     "get 9\n"
     "get 6\n"
     "put 9 470\n"
     "put 4 103\n"
     "put 1 234\n"
     "put 6 934\n"
     "get 9\n"
     "get 3\n"
     "put 12 42\n"
     "get 4\n"
     "get 10\n"
     "put 10 820\n"
     "get 9\n"
     "put 4 730\n"
     "put 5 546\n"
     "get 3\n"
     "put 6 659\n"
     "get 10\n"
     "get 9\n"
     "put 6 846\n"
     "put 4 494\n"
     "put 12 202\n"
     "get 5\n"
     "get 5\n"
     "get 10\n"
     "get 7\n"
     "put 3 318\n"
     "get 7\n"
     "get 12\n"
     "get 0\n"
     "put 5 438\n"
     "get 7\n"
     "get 10\n"
     "put 7 802\n"
     "get 3\n"
     "get 4\n"
     "put 6 57\n"
     "get 0\n"
     "put 12 491\n"
     "get 1\n"
     "put 5 470\n"
     "put 11 510\n"
     "put 4 635\n"
     "get 3\n"
     "get 5\n"
     "put 11 592\n"
     "put 6 499\n"
     "get 7\n"
     "put 12 574\n"
     "put 0 786\n"
     "put 3 815\n"
     "get 9\n"
     "put 9 540\n"
     "get 0\n"
     "put 5 149\n"
     "get 1\n"
     "put 0 283\n"
     "get 11\n"
     "get 10\n"
     "put 0 605\n"
     "get 5\n"
     "get 6\n"
     "put 3 49\n"
     "get 0\n"
     "put 0 614\n"
     "get 8\n"
     "put 3 533\n"
     "put 7 617\n"
     "put 4 230\n"
     "put 2 114\n"
     "put 1 496\n"
     "put 5 380\n"
     "put 1 398\n"
     "put 1 144\n"
     "get 6\n"
     "put 8 198\n"
     "get 8\n"
     "get 5\n"
     "get 6\n"
     "get 0\n"
     "put 11 844\n"
     "put 9 675\n"
     "put 0 784\n"
     "get 10\n"
     "get 11\n"
     "get 10\n"
     "put 4 360\n"
     "get 8\n"
     "put 3 641\n",
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "859\n"
     "-1\n"
     "-1\n"
     "729\n"
     "-1\n"
     "729\n"
     "729\n"
     "859\n"
     "-1\n"
     "-1\n"
     "859\n"
     "729\n"
     "-1\n"
     "-1\n"
     "859\n"
     "-1\n"
     "459\n"
     "-1\n"
     "459\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "66\n"
     "110\n"
     "-1\n"
     "305\n"
     "492\n"
     "782\n"
     "782\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "504\n"
     "-1\n"
     "504\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "504\n"
     "-1\n"
     "106\n"
     "505\n"
     "106\n"
     "435\n"
     "-1\n"
     "-1\n"
     "277\n"
     "140\n"
     "956\n"
     "-1\n"
     "470\n"
     "-1\n"
     "103\n"
     "-1\n"
     "470\n"
     "-1\n"
     "820\n"
     "470\n"
     "-1\n"
     "-1\n"
     "820\n"
     "-1\n"
     "-1\n"
     "202\n"
     "-1\n"
     "-1\n"
     "820\n"
     "318\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "470\n"
     "-1\n"
     "-1\n"
     "786\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "149\n"
     "-1\n"
     "605\n"
     "-1\n"
     "-1\n"
     "198\n"
     "380\n"
     "-1\n"
     "-1\n"
     "-1\n"
     "844\n"
     "-1\n"
     "-1\n"},
};
constexpr question_test course_order[] = {
    {"example", "4 4\n1 0\n2 0\n3 1\n3 2\n", "0 1 2 3\n"},
    {"no prerequisites", "3 0\n", "0 1 2\n"},
    {"a cycle", "3 3\n0 1\n1 2\n2 0\n", "impossible\n"},
    {"smallest available course first", "5 3\n0 4\n1 4\n2 3\n", "3 2 4 0 1\n"},
    {"a course that requires itself", "2 1\n1 1\n", "impossible\n"},
    {"the same pair twice", "2 2\n1 0\n1 0\n", "0 1\n"},
    {"thirty courses",
     "30 60\n"
     "3 17\n"
     "4 24\n"
     "9 28\n"
     "13 20\n"
     "9 29\n"
     "6 0\n"
     "2 28\n"
     "0 24\n"
     "22 27\n"
     "3 1\n"
     "22 24\n"
     "17 22\n"
     "15 23\n"
     "0 14\n"
     "3 28\n"
     "26 17\n"
     "3 6\n"
     "10 2\n"
     "13 12\n"
     "11 5\n"
     "22 14\n"
     "10 19\n"
     "10 14\n"
     "19 18\n"
     "4 2\n"
     "26 0\n"
     "4 27\n"
     "6 8\n"
     "16 6\n"
     "16 1\n"
     "3 18\n"
     "10 0\n"
     "16 18\n"
     "12 5\n"
     "13 3\n"
     "29 14\n"
     "6 14\n"
     "13 19\n"
     "17 0\n"
     "20 23\n"
     "4 23\n"
     "3 21\n"
     "2 18\n"
     "12 18\n"
     "25 1\n"
     "29 15\n"
     "26 18\n"
     "9 24\n"
     "16 11\n"
     "14 27\n"
     "9 25\n"
     "7 3\n"
     "15 12\n"
     "11 22\n"
     "16 19\n"
     "12 10\n"
     "13 28\n"
     "13 11\n"
     "13 1\n"
     "29 19\n",
     "1 5 8 18 19 21 23 20 24 25 27 14 0 6 22 11 16 17 26 28 2 3 4 7 10 12 13 15 29 9\n"},
};
constexpr question_test search_rotated_array[] = {
    {"example", "7 0\n4 5 6 7 0 1 2\n", "4\n"},
    {"absent", "7 3\n4 5 6 7 0 1 2\n", "-1\n"},
    {"one element", "1 1\n1\n", "0\n"},
    {"not rotated", "5 9\n1 3 5 7 9\n", "4\n"},
    {"smallest value last", "5 1\n3 5 7 9 1\n", "4\n"},
    {"two elements", "2 3\n5 3\n", "1\n"},
    {"empty array", "0 5\n\n", "-1\n"},
    {"two hundred values",
     "200 -156\n"
     "414 429 431 434 438 470 475 476 478 480 482 484 486 505 509 510 527 528 532 548 551 552 561 "
     "566 568 571 591 595 608 610 633 650 664 677 712 727 737 740 741 771 799 805 817 825 829 831 "
     "849 859 860 862 880 881 889 907 909 916 936 937 955 961 973 977 984 -1000 -998 -995 -989 "
     "-984 -979 -969 -963 -935 -934 -929 -907 -897 -873 -869 -852 -847 -840 -837 -820 -816 -804 "
     "-794 -790 -773 -766 -760 -754 -745 -736 -726 -723 -716 -712 -707 -702 -689 -674 -661 -660 "
     "-626 -610 -603 -593 -591 -578 -566 -565 -558 -556 -548 -545 -530 -528 -518 -516 -495 -488 "
     "-471 -469 -462 -455 -454 -452 -444 -414 -399 -396 -395 -352 -350 -314 -303 -295 -292 -278 "
     "-260 -255 -247 -245 -226 -225 -224 -212 -207 -192 -180 -156 -146 -118 -110 -98 -81 -66 -64 "
     "-54 -48 -28 -7 11 14 20 30 56 60 94 101 105 109 125 133 146 147 154 156 184 187 194 199 205 "
     "216 218 221 225 238 255 269 284 289 302 304 337 339 348 362 371 398\n",
     "150\n"},
    {"two hundred values, absent",
     "200 1\n"
     "414 429 431 434 438 470 475 476 478 480 482 484 486 505 509 510 527 528 532 548 551 552 561 "
     "566 568 571 591 595 608 610 633 650 664 677 712 727 737 740 741 771 799 805 817 825 829 831 "
     "849 859 860 862 880 881 889 907 909 916 936 937 955 961 973 977 984 -1000 -998 -995 -989 "
     "-984 -979 -969 -963 -935 -934 -929 -907 -897 -873 -869 -852 -847 -840 -837 -820 -816 -804 "
     "-794 -790 -773 -766 -760 -754 -745 -736 -726 -723 -716 -712 -707 -702 -689 -674 -661 -660 "
     "-626 -610 -603 -593 -591 -578 -566 -565 -558 -556 -548 -545 -530 -528 -518 -516 -495 -488 "
     "-471 -469 -462 -455 -454 -452 -444 -414 -399 -396 -395 -352 -350 -314 -303 -295 -292 -278 "
     "-260 -255 -247 -245 -226 -225 -224 -212 -207 -192 -180 -156 -146 -118 -110 -98 -81 -66 -64 "
     "-54 -48 -28 -7 11 14 20 30 56 60 94 101 105 109 125 133 146 147 154 156 184 187 194 199 205 "
     "216 218 221 225 238 255 269 284 289 302 304 337 339 348 362 371 398\n",
     "-1\n"},
};
constexpr question_test fewest_coins[] = {
    {"example", "4 11\n1 5 6 9\n", "2\n"},
    {"amount zero", "2 0\n1 2\n", "0\n"},
    {"impossible", "1 3\n2\n", "-1\n"},
    {"greedy fails", "3 6\n1 3 4\n", "2\n"},
    {"one denomination", "1 15\n5\n", "3\n"},
    {"large amount", "3 9999\n7 13 29\n", "347\n"},
    {"large amount, impossible", "2 9999\n4 6\n", "-1\n"},
};
constexpr question_test validate_bst[] = {
    {"example", "2 1 3\n", "true\n"},
    {"right subtree holds a smaller value", "5 4 6 null null 3 7\n", "false\n"},
    {"right child smaller", "5 1 4 null null 3 6\n", "false\n"},
    {"empty tree", "\n", "true\n"},
    {"duplicate value", "2 2\n", "false\n"},
    {"extreme values", "-2147483648 null 2147483647\n", "true\n"},
    {"sixty nodes",
     "420 -123 446 -162 -79 null null -411 -157 -84 123 -482 -407 null null -95 null -41 261 null "
     "-416 null -242 null null -52 47 222 354 -445 null -301 -176 -76 null 12 115 142 239 343 413 "
     "null -425 -316 null -232 -170 null -75 -14 23 109 null null 221 null 254 null 346 388 418 "
     "null null -329 -309 null null null null null -71 -40 -1 null 29 55 null 220 null null null "
     "null null 364 396 null null null null -313 null null null null null null 3 null null null "
     "null 174 null null null null null null null 0 null 154 179 null null null null null 208\n",
     "true\n"},
    {"sixty nodes, two values swapped",
     "-11 -199 469 -400 -170 38 null -418 -246 null -90 22 452 -442 -401 -355 null -111 -40 -5 32 "
     "175 462 -450 null -403 null -394 -319 -155 -103 -65 -27 null 17 null null 174 -284 null 465 "
     "null null null null null null null -264 -158 -129 null -94 null -54 null null null null 131 "
     "null 201 244 null null -286 null -164 null null null null null null null 121 null 194 null "
     "null 396 null -274 null null 109 null null null 281 422 216 -269 96 null 246 391 413 null "
     "null null null null 43 98 null null 361 null null null null null null null 303 373\n",
     "false\n"},
};
constexpr question_test product_except_self[] = {
    {"example", "4\n1 2 3 4\n", "24 12 8 6\n"},
    {"one zero", "4\n2 0 3 4\n", "0 24 0 0\n"},
    {"two zeros", "3\n0 5 0\n", "0 0 0\n"},
    {"negative numbers", "4\n-1 2 -3 4\n", "-24 12 -8 6\n"},
    {"two elements", "2\n7 -3\n", "-3 7\n"},
    {"twenty values",
     "20\n"
     "1 -3 -3 -5 -5 -4 -2 1 5 3 4 4 4 -3 -5 4 5 -5 -5 2\n",
     "25920000000 -8640000000 -8640000000 -5184000000 -5184000000 -6480000000 -12960000000 "
     "25920000000 5184000000 8640000000 6480000000 6480000000 6480000000 -8640000000 -5184000000 "
     "6480000000 5184000000 -5184000000 -5184000000 12960000000\n"},
};
constexpr question_test median_two_sorted_arrays[] = {
    {"example", "2\n1 3\n1\n2\n", "2.0\n"},
    {"even count", "2\n1 2\n2\n3 4\n", "2.5\n"},
    {"first array empty", "0\n\n4\n1 2 3 4\n", "2.5\n"},
    {"one element", "1\n5\n0\n\n", "5.0\n"},
    {"negative median", "2\n-5 -3\n2\n-2 4\n", "-2.5\n"},
    {"negative half", "1\n-1\n1\n0\n", "-0.5\n"},
    {"median zero", "1\n-1\n1\n1\n", "0.0\n"},
    {"one array before the other", "3\n1 2 3\n3\n4 5 6\n", "3.5\n"},
    {"eighty-seven values",
     "50\n"
     "-963 -959 -948 -907 -864 -845 -831 -741 -733 -632 -608 -565 -564 -560 -537 -502 -489 -436 "
     "-403 -359 -243 -217 -193 -159 -155 -114 -95 -55 1 44 50 99 131 137 183 297 318 368 403 441 "
     "484 506 619 681 720 724 781 860 878 891\n"
     "37\n"
     "-922 -877 -850 -791 -696 -641 -597 -546 -454 -399 -381 -235 -143 -124 -98 -10 17 37 66 127 "
     "363 411 447 526 588 605 615 691 707 748 768 787 832 898 902 920 968\n",
     "-10.0\n"},
    {"duplicates", "4\n1 1 1 1\n3\n1 1 2\n", "1.0\n"},
};
constexpr question_test trapped_rain_water[] = {
    {"example", "7\n0 2 0 3 1 0 2\n", "5\n"},
    {"no bars", "0\n\n", "0\n"},
    {"rising bars hold nothing", "4\n1 2 3 4\n", "0\n"},
    {"one deep valley", "3\n5 0 5\n", "5\n"},
    {"several pools", "12\n0 1 0 2 1 0 1 3 2 1 2 1\n", "6\n"},
    {"three hundred bars",
     "300\n"
     "21 41 45 41 13 48 46 36 9 32 32 10 17 11 4 12 34 16 30 36 14 50 21 45 16 16 22 12 31 21 39 "
     "24 20 42 38 24 27 18 16 40 27 10 40 50 3 45 40 19 28 45 28 19 23 46 29 18 46 49 33 29 27 44 "
     "32 2 37 49 21 6 30 26 12 19 47 26 36 12 15 25 23 30 9 34 4 30 39 34 16 38 22 1 28 24 17 45 "
     "0 5 47 28 7 26 50 21 9 27 40 44 18 36 27 14 9 50 37 6 49 37 37 13 31 42 36 35 9 37 45 22 29 "
     "15 32 38 17 12 14 16 19 11 15 30 18 3 44 38 28 4 38 17 36 5 4 5 2 36 29 2 12 35 2 48 2 5 34 "
     "45 16 8 26 19 18 30 23 15 16 25 35 28 48 25 19 41 1 39 2 38 41 42 40 31 33 37 20 39 29 3 22 "
     "35 44 8 44 43 38 42 31 3 24 37 44 33 13 2 14 26 48 1 34 8 18 28 43 19 19 49 45 22 49 33 17 "
     "3 13 25 22 1 20 28 9 12 10 33 42 33 45 50 8 42 36 14 14 34 17 16 2 24 50 25 18 39 5 12 49 1 "
     "34 13 21 50 23 50 36 29 23 42 45 47 44 10 28 43 2 24 1 48 1 22 32 40 43 23 23 0 30 47 32 14 "
     "33 20 8 11 17 17 4 16 16 3\n",
     "6764\n"},
};
constexpr question_test word_ladder[] = {
    {"example", "hit cog\n6\nhot dot dog lot log cog\n", "5\n"},
    {"no path", "abc xyz\n3\nabd abe xbc\n", "0\n"},
    {"one step, empty dictionary", "cat cot\n0\n\n", "2\n"},
    {"end word not in the dictionary", "hit cog\n5\nhot dot dog lot log\n", "5\n"},
    {"a dead end", "hit cog\n3\nhot hat cat\n", "0\n"},
    {"a dictionary of 152 words",
     "aaaa abfe\n"
     "152\n"
     "aaae aacb aada aade abba abfe acec adab adae adbc adcf addd aecf afbc afbf afca afcf babd "
     "bade baed baee baef bbef bbfa bbfe bcab bcba bccb bccf bcdb bdaa bdab bdac bdae bdcd bdea "
     "bdeb bdfb beab beda beea beff bfac bfbe bfbf bfec bfef caab caba cadd caef cafa cbda cbdd "
     "cbed cbfa ccbe ccbf cccb ccda ccde cced ccef cdae cdbc cdbe cdca ceaf cecc ceec cefc cfac "
     "cfdc cffb cffc cfff daad dacd dacf dada dadf daeb daef dbad dbca dbed dbef dbff dcad dcae "
     "dcde dcef dcfc ddcc ddeb ddee debe deee dfaa dfba dfbf dfcc dfda dfdf dffe dfff eabf eadb "
     "eade eaef eafe ebba ebda ebdf ebec ebff ecca ecdb ecdc edba edcd eddb edec eedd eeee efaf "
     "efca efdb efee faca fadc faeb faff fbac fbad fbdd fbde fbfa fcce fcfd fddd fdde fdec fedb "
     "fefd ffae ffbb ffbe ffce ffdb ffeb ffef\n",
     "13\n"},
};
constexpr question_test merge_k_sorted_lists[] = {
    {"example", "3\n3 1 4 5\n3 1 3 4\n2 2 6\n", "1 1 2 3 4 4 5 6\n"},
    {"no lists", "0\n", ""},
    {"only empty lists", "2\n0\n0\n", ""},
    {"one list", "1\n3 -2 0 9\n", "-2 0 9\n"},
    {"six lists with duplicates",
     "6\n"
     "0\n"
     "8 -10 -6 12 16 17 20 24 26\n"
     "4 -3 -3 25 27\n"
     "9 -12 -11 -2 1 8 9 10 12 21\n"
     "8 -22 -22 -19 -17 -12 9 13 19\n"
     "3 -9 6 11\n",
     "-22 -22 -19 -17 -12 -12 -11 -10 -9 -6 -3 -3 -2 1 6 8 9 9 10 11 12 12 13 16 17 19 20 21 24 "
     "25 26 27\n"},
};
constexpr question_test minimum_window_substring[] = {
    {"example", "ADOBECODEBANC\nABC\n", "BANC\n"},
    {"no window", "a\naa\n", ""},
    {"the whole string", "a\na\n", "a\n"},
    {"repeats in the pattern", "aabdaacbaa\naaa\n", "aabda\n"},
    {"leftmost of equal windows", "xaybxbya\nab\n", "ayb\n"},
    {"case matters", "aAbB\nAB\n", "AbB\n"},
    {"empty s", "\nq\n", ""},
    {"four hundred characters",
     "defgfdefdgfgecgccfhdfaggeebgbeedghccaedddfdgffddcfhgehgdbfechaaefhdbfbeeafddcagcahcdbhfafgab"
     "bgdbfhhcddaegddhdfccagceaacfabcccdeeeegbhgdaaahbaehafdafbffahfdecddddddhbfhhcebbcdbehgdacfga"
     "fhdcbddchcfegdcehhceehaghcdchabehegbffdbdbafbghgfcebfddddbdadcedghbdchfbfbfaeecdabdcddgfgecd"
     "fafddhcehcgffbghgegbdcgbcbbaachfgahbffhgdfdghcbaeafchaddeaagfaaafhfaeehfdcdbedgehcgggecbaghd"
     "ghffgdfcgfabdgheeffdhdaaahdccdef\n"
     "hagg\n",
     "aghdg\n"},
};
constexpr question_test serialize_binary_tree[] = {
    {"example", "serialize\n1 2 3 null null 4 5\n", "1 2 # # 3 4 # # 5 # #\n"},
    {"deserialize", "deserialize\n1 2 # # 3 4 # # 5 # #\n", "1 2 3 null null 4 5\n"},
    {"empty tree", "serialize\n\n", "#\n"},
    {"empty tree back", "deserialize\n#\n", ""},
    {"negative and multi-digit values",
     "serialize\n"
     "-10 7 null 123 -4\n",
     "-10 7 123 # # -4 # # #\n"},
    {"a chain, deserialized", "deserialize\n1 # 2 # 3 # #\n", "1 null 2 null 3\n"},
    {"forty-five nodes",
     "serialize\n"
     "-4 -31 -46 76 66 -45 92 73 67 48 58 -10 44 5 null null -84 60 null 59 -8 -43 -50 -76 80 "
     "null null -59 -35 null null null -1 29 -94 null null null null -98 null null null null 58 "
     "70 null -1 -22 null null null 77 21 74 null -58 -51 null null 46 -97 null null -9 -17 null "
     "-77 8 null null null null null -48 null null null null null null null null -74\n",
     "-4 -31 76 73 # -84 # # 67 60 # -1 # # # 66 48 59 29 # 77 -17 # # # -94 21 -77 -74 # # # 8 # "
     "# 74 # # -8 # # 58 -43 # # -50 -98 # -58 # # # -46 -45 -10 -76 # # 80 # 58 -51 # -48 # # # "
     "44 # # 92 5 -59 70 # 46 # # # -35 -1 -97 # # # -22 # -9 # # #\n"},
    {"forty-five nodes back",
     "deserialize\n"
     "-4 -31 76 73 # -84 # # 67 60 # -1 # # # 66 48 59 29 # 77 -17 # # # -94 21 -77 -74 # # # 8 # "
     "# 74 # # -8 # # 58 -43 # # -50 -98 # -58 # # # -46 -45 -10 -76 # # 80 # 58 -51 # -48 # # # "
     "44 # # 92 5 -59 70 # 46 # # # -35 -1 -97 # # # -22 # -9 # # #\n",
     "-4 -31 -46 76 66 -45 92 73 67 48 58 -10 44 5 null null -84 60 null 59 -8 -43 -50 -76 80 "
     "null null -59 -35 null null null -1 29 -94 null null null null -98 null null null null 58 "
     "70 null -1 -22 null null null 77 21 74 null -58 -51 null null 46 -97 null null -9 -17 null "
     "-77 8 null null null null null -48 null null null null null null null null -74\n"},
};
constexpr question_test edit_distance[] = {
    {"example", "kitten\nsitting\n", "3\n"},
    {"first word empty", "\nabc\n", "3\n"},
    {"both empty", "\n\n", "0\n"},
    {"identical words", "same\nsame\n", "0\n"},
    {"intention to execution", "intention\nexecution\n", "5\n"},
    {"hundred and fifty letters",
     "dacbbccbdacdbccdccdbccabaaadcabaabbadbacbccacbdbabcddbccbcdbcdaadcbcccccccbbddbccdabbabcddad"
     "dcdabadddcadcbbccbbdbadaccbccbddbcaaacdbdabbcabbacbccaccbb\n"
     "cacbbccbdacdbccddccdbccadaaadbcabdbaabadbcbccaaabdbabcddbbccbcdbcddaadcbcccccbdadbccddabaaab"
     "cdaddcdabadbcadcbbcbbdbadacdcbccbcddbcaaacdbdbcabcaccbcdcacdba\n",
     "32\n"},
};
constexpr question_test sliding_window_maximum[] = {
    {"example", "8 3\n1 3 -1 -3 5 3 6 7\n", "3 3 5 5 6 7\n"},
    {"window of one", "3 1\n4 -2 7\n", "4 -2 7\n"},
    {"window is the whole array", "4 4\n2 9 -1 3\n", "9\n"},
    {"decreasing values", "5 2\n9 7 5 3 1\n", "9 7 5 3\n"},
    {"all negative", "5 3\n-5 -1 -3 -4 -2\n", "-1 -1 -2\n"},
    {"equal values", "4 2\n2 2 2 2\n", "2 2 2\n"},
    {"three hundred values",
     "300 17\n"
     "2 -6 -79 -67 -96 -20 0 -7 -40 -96 -58 -64 58 53 -69 -80 63 15 30 -18 -47 -28 2 79 -8 9 -40 "
     "-26 -33 -68 -95 -53 3 -37 -35 -59 -91 -10 86 -85 -34 -10 41 -2 -1 51 -69 21 -56 -53 -10 9 "
     "-50 71 -3 61 14 -32 73 -72 96 98 18 26 -53 1 -65 -6 56 -14 31 -30 0 -25 44 98 2 63 -73 17 "
     "37 86 -84 48 71 -13 -12 24 -96 -56 -75 12 -41 -28 -42 -4 24 58 50 -84 -5 -40 -23 85 75 14 "
     "-1 -97 -69 -63 95 86 92 43 -97 87 79 -13 -75 -76 -90 69 -69 -66 25 18 30 -85 -11 -17 -81 97 "
     "-31 -86 18 48 -76 46 68 2 -35 66 -38 -51 73 -13 4 -94 70 88 66 -79 -84 74 72 69 96 -45 22 "
     "-52 71 -8 89 23 -91 36 -98 38 -4 34 -7 97 -35 68 83 71 71 88 33 -18 -15 78 -61 -3 -60 -98 "
     "14 0 -53 -45 -53 73 -69 76 -54 -44 22 -69 -46 1 -6 -35 53 -5 -8 -42 47 65 -28 85 -15 72 52 "
     "34 14 -7 -74 -9 74 -65 32 -35 -49 -8 -93 -28 81 18 49 60 -73 -90 63 -67 -21 22 -54 -61 47 "
     "42 -94 -92 -98 -46 -17 50 11 -47 65 -6 14 92 37 63 -15 58 -70 98 -38 -18 -56 -87 -73 -76 "
     "-43 65 51 95 -72 78 14 15 25 -73 64 3 81 -44 95 27 78 87 100 52 26 29 -9 -53 65 92 -50 -68 "
     "44 -18 18 95 92 -61 13 -66\n",
     "63 63 63 63 63 63 63 79 79 79 79 79 79 79 79 79 79 79 79 79 79 79 86 86 86 86 86 86 86 86 "
     "86 86 86 86 86 86 86 86 86 71 71 71 73 73 96 98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 "
     "98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 86 86 86 86 86 86 71 71 71 58 58 85 85 85 "
     "85 85 85 85 95 95 95 95 95 95 95 95 95 95 95 95 95 95 95 95 95 92 92 87 87 97 97 97 97 97 "
     "97 97 97 97 97 97 97 97 97 97 97 97 73 88 88 88 88 88 88 88 96 96 96 96 96 96 96 96 96 96 "
     "96 96 96 96 96 97 97 97 97 97 97 97 97 97 97 97 97 97 97 97 97 97 88 88 88 88 88 88 78 78 "
     "78 78 76 76 76 76 76 76 76 76 76 76 76 85 85 85 85 85 85 85 85 85 85 85 85 85 85 85 85 85 "
     "81 81 81 81 81 81 81 81 81 81 81 81 81 81 81 81 81 63 63 63 63 63 65 65 65 92 92 92 92 92 "
     "92 98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 98 95 95 95 95 95 95 95 95 100 100 100 "
     "100 100 100 100 100 100 100 100 100 100 100 100 100 100 95\n"},
};
constexpr question_test alien_dictionary[] = {
    {"example", "5\nwrt\nwrf\ner\nett\nrftt\n", "wertf\n"},
    {"a word before its own prefix", "2\nabc\nab\n", "invalid\n"},
    {"a cycle", "3\nz\nx\nz\n", "invalid\n"},
    {"one word", "1\nzyx\n", "xyz\n"},
    {"ties in English order", "3\nzc\nzb\nza\n", "cbaz\n"},
    {"equal words", "2\nab\nab\n", "ab\n"},
    {"forty words",
     "40\n"
     "jee\n"
     "jg\n"
     "jgb\n"
     "jc\n"
     "iah\n"
     "iaheg\n"
     "ife\n"
     "idijg\n"
     "idbfc\n"
     "a\n"
     "aa\n"
     "aa\n"
     "aaac\n"
     "aae\n"
     "agd\n"
     "ahjaa\n"
     "e\n"
     "efic\n"
     "f\n"
     "figac\n"
     "fegj\n"
     "fegfi\n"
     "deijg\n"
     "dhede\n"
     "dhdah\n"
     "gji\n"
     "gigdh\n"
     "gehb\n"
     "gfb\n"
     "gc\n"
     "gbidd\n"
     "c\n"
     "c\n"
     "cfdj\n"
     "cbh\n"
     "chcbi\n"
     "bib\n"
     "hifb\n"
     "hac\n"
     "habhb\n",
     "jiaefdgcbh\n"},
};
constexpr question_test wildcard_regex[] = {
    {"example", "aab\nc*a.b\n", "true\n"},
    {"second example", "ccaxb\nc*a.b\n", "true\n"},
    {"star means zero copies", "\na*b*\n", "true\n"},
    {"pattern too short", "aa\na\n", "false\n"},
    {"dot star", "ab\n.*\n", "true\n"},
    {"star then the same letter", "aaa\na*a\n", "true\n"},
    {"mississippi", "mississippi\nmis*is*p*.\n", "false\n"},
    {"both empty", "\n\n", "true\n"},
    {"empty text", "\na\n", "false\n"},
    {"many stars", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab\na*a*a*a*a*a*a*a*a*a*a*a*c\n", "false\n"},
    {"dot star in the middle", "abcdefxyz\nab.*x.z\n", "true\n"},
};

struct entry {
  std::string_view slug;
  std::span<const question_test> tests;
};

constexpr entry table[] = {
    {"two-sum", two_sum},
    {"balanced-brackets", balanced_brackets},
    {"reverse-linked-list", reverse_linked_list},
    {"merge-sorted-arrays", merge_sorted_arrays},
    {"search-insert-position", search_insert_position},
    {"binary-tree-depth", binary_tree_depth},
    {"valid-anagram", valid_anagram},
    {"stock-single-trade", stock_single_trade},
    {"move-zeroes", move_zeroes},
    {"climbing-stairs", climbing_stairs},
    {"clean-palindrome", clean_palindrome},
    {"longest-unique-substring", longest_unique_substring},
    {"group-anagrams", group_anagrams},
    {"count-islands", count_islands},
    {"merge-intervals", merge_intervals},
    {"top-k-frequent", top_k_frequent},
    {"lru-cache", lru_cache},
    {"course-order", course_order},
    {"search-rotated-array", search_rotated_array},
    {"fewest-coins", fewest_coins},
    {"validate-bst", validate_bst},
    {"product-except-self", product_except_self},
    {"median-two-sorted-arrays", median_two_sorted_arrays},
    {"trapped-rain-water", trapped_rain_water},
    {"word-ladder", word_ladder},
    {"merge-k-sorted-lists", merge_k_sorted_lists},
    {"minimum-window-substring", minimum_window_substring},
    {"serialize-binary-tree", serialize_binary_tree},
    {"edit-distance", edit_distance},
    {"sliding-window-maximum", sliding_window_maximum},
    {"alien-dictionary", alien_dictionary},
    {"wildcard-regex", wildcard_regex},
};

}  // namespace

std::span<const question_test> question_tests(std::string_view slug) {
  for (const auto& e : table)
    if (e.slug == slug) return e.tests;
  return {};
}

}  // namespace mm::store
