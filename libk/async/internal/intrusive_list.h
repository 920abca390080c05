// A doubly linked list whose nodes live inside the objects it links: the timer queue's
// sleeping awaiters and the async Mutex's waiters sit in coroutine frames, so queueing
// them allocates nothing and an awaiter destroyed by cancellation unlinks itself in O(1).
#pragma once

#include "libk/panic/panic.h"

namespace libk::async::internal {

// A link embedded in a listed object. Invariant: linked() iff the node is in a list.
class ListNode {
 public:
  ListNode() = default;
  // A node is pointed to by its neighbours: it cannot move while linked.
  ListNode(const ListNode&) = delete;
  ListNode& operator=(const ListNode&) = delete;
  ~ListNode() { LIBK_ASSERT(!linked(), "a listed node was destroyed while still linked"); }

  bool linked() const { return linked_; }

 private:
  template <typename Node>
  friend class IntrusiveList;

  ListNode* prev_ = nullptr;
  ListNode* next_ = nullptr;
  bool linked_ = false;
};

// A list of `Node`s, which derive from ListNode. Does not own them.
template <typename Node>
class IntrusiveList {
 public:
  IntrusiveList() = default;
  IntrusiveList(const IntrusiveList&) = delete;
  IntrusiveList& operator=(const IntrusiveList&) = delete;
  ~IntrusiveList() { LIBK_ASSERT(empty(), "a list was destroyed with nodes still linked"); }

  bool empty() const { return head_ == nullptr; }
  Node* front() const { return static_cast<Node*>(head_); }
  Node* back() const { return static_cast<Node*>(tail_); }
  // Returns the node after `node` (null at the end).
  static Node* Next(const Node& node) { return static_cast<Node*>(node.ListNode::next_); }
  // Returns the node before `node` (null at the front).
  static Node* Prev(const Node& node) { return static_cast<Node*>(node.ListNode::prev_); }

  // Links `node`, which must not be linked, at the back.
  void PushBack(Node& node) { InsertBefore(nullptr, node); }

  // Links `node` before `position`, or at the back if `position` is null.
  void InsertBefore(Node* position, Node& node) {
    ListNode& n = node;
    LIBK_ASSERT(!n.linked_, "a node was linked twice");
    ListNode* next = position;
    ListNode* prev = next != nullptr ? next->prev_ : tail_;
    n.prev_ = prev;
    n.next_ = next;
    (prev != nullptr ? prev->next_ : head_) = &n;
    (next != nullptr ? next->prev_ : tail_) = &n;
    n.linked_ = true;
  }

  // Unlinks `node`, which must be in this list.
  void Remove(Node& node) {
    ListNode& n = node;
    LIBK_ASSERT(n.linked_, "an unlinked node was removed");
    (n.prev_ != nullptr ? n.prev_->next_ : head_) = n.next_;
    (n.next_ != nullptr ? n.next_->prev_ : tail_) = n.prev_;
    n.prev_ = n.next_ = nullptr;
    n.linked_ = false;
  }

  // Unlinks and returns the front node, or null if the list is empty.
  Node* PopFront() {
    Node* node = front();
    if (node != nullptr) Remove(*node);
    return node;
  }

 private:
  ListNode* head_ = nullptr;
  ListNode* tail_ = nullptr;
};

}  // namespace libk::async::internal
