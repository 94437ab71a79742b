#pragma once
// One visitor from several lambdas, for std::visit over the variants of kinds (bus topics,
// timer keys, cluster messages): `std::visit(overloaded{[](const a&) {...}, ...}, v)`.

namespace mm::domain {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};

} // namespace mm::domain
