// IntrusiveList against std::list: random pushes, inserts, removals and pops keep the same
// order, and every node knows whether it is linked.
#include "libk/async/internal/intrusive_list.h"

#include <algorithm>
#include <cstddef>
#include <list>
#include <memory>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace libk::async::internal {
namespace {

struct Item : ListNode<Item> {
  explicit Item(int v) : value(v) {}
  int value;
};

std::vector<int> Contents(const IntrusiveList<Item>& list) {
  std::vector<int> values;
  for (Item* item = list.front(); item != nullptr; item = IntrusiveList<Item>::Next(*item)) {
    values.push_back(item->value);
  }
  std::vector<int> backwards;
  for (Item* item = list.back(); item != nullptr; item = IntrusiveList<Item>::Prev(*item)) {
    backwards.insert(backwards.begin(), item->value);
  }
  RC_ASSERT(values == backwards);
  return values;
}

RC_GTEST_PROP(IntrusiveListTest, BehavesLikeStdList, ()) {
  std::vector<std::unique_ptr<Item>> items;
  IntrusiveList<Item> list;
  std::list<int> model;
  const int steps = *rc::gen::inRange(0, 200);
  for (int step = 0; step < steps; ++step) {
    const int op = *rc::gen::inRange(0, 4);
    if (op == 0 || items.empty()) {
      items.push_back(std::make_unique<Item>(step));
      list.PushBack(*items.back());
      model.push_back(step);
    } else {
      Item& item = *items[*rc::gen::inRange<std::size_t>(0, items.size())];
      const bool in_model = std::ranges::find(model, item.value) != model.end();
      RC_ASSERT(item.linked() == in_model);
      if (op == 1 && in_model) {
        list.Remove(item);
        model.remove(item.value);
      } else if (op == 2 && !in_model) {
        Item* position = list.front();  // Insert before the front: the other end.
        list.InsertBefore(position, item);
        model.push_front(item.value);
      } else if (op == 3) {
        Item* popped = list.PopFront();
        if (model.empty()) {
          RC_ASSERT(popped == nullptr);
        } else {
          RC_ASSERT(popped != nullptr && popped->value == model.front() && !popped->linked());
          model.pop_front();
        }
      }
    }
    RC_ASSERT(Contents(list) == std::vector<int>(model.begin(), model.end()));
    RC_ASSERT(list.empty() == model.empty());
  }
  while (list.PopFront() != nullptr) {
  }
}

TEST(IntrusiveListTest, DestroyingALinkedNodePanics) {
  EXPECT_DEATH(
      {
        IntrusiveList<Item> list;
        Item item(1);
        list.PushBack(item);
      },
      "destroyed while still linked");
}

}  // namespace
}  // namespace libk::async::internal
