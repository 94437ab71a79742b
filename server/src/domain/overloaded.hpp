#pragma once
// One visitor from several lambdas, for std::visit over the variants of kinds (bus topics,
// timer keys, cluster messages): `std::visit(overloaded{[](const a&) {...}, ...}, v)`.

namespace mm::domain {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
// Spelled out for compilers without class template argument deduction for aggregates (clang
// before 17, which the fuzz build uses).
template <class... F>
overloaded(F...) -> overloaded<F...>;

} // namespace mm::domain
