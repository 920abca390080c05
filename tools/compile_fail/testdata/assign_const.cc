// Must not compile: assigns to a constant.
constexpr int kAnswer = 42;
void Mutate() { kAnswer = 43; }
