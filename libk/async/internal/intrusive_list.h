// A doubly linked list whose nodes live inside the objects it links: the timer queue's
// sleeping awaiters and the async Mutex's waiters sit in coroutine frames, so queueing
// them allocates nothing and an awaiter destroyed by cancellation unlinks itself in O(1).
#pragma once

#include "libk/panic/panic.h"

namespace libk::async::internal {

template <typename Node>
class IntrusiveList;

// A link embedded in a listed object of type `Node`, which derives from ListNode<Node>.
// The links point to `Node`s rather than to their ListNode bases, so the list hands nodes
// back without a downcast. Invariant: linked() iff the node is in a list.
template <typename Node>
class ListNode {
 public:
  // A node is pointed to by its neighbours: it cannot move while linked.
  // NOLINTNEXTLINE(bugprone-crtp-constructor-accessibility): deleted, it constructs nothing.
  ListNode(const ListNode&) = delete;
  ListNode& operator=(const ListNode&) = delete;
  ~ListNode() { LIBK_ASSERT(!linked(), "a listed node was destroyed while still linked"); }

  bool linked() const { return linked_; }

 private:
  // Only `Node` makes one, as its base: a ListNode<Node> is always a Node.
  friend Node;
  friend class IntrusiveList<Node>;

  ListNode() = default;

  Node* prev_ = nullptr;
  Node* next_ = nullptr;
  bool linked_ = false;
};

// A list of `Node`s, which derive from ListNode<Node>. Does not own them.
template <typename Node>
class IntrusiveList {
 public:
  IntrusiveList() = default;
  IntrusiveList(const IntrusiveList&) = delete;
  IntrusiveList& operator=(const IntrusiveList&) = delete;
  ~IntrusiveList() { LIBK_ASSERT(empty(), "a list was destroyed with nodes still linked"); }

  bool empty() const { return head_ == nullptr; }
  Node* front() const { return head_; }
  Node* back() const { return tail_; }
  // Returns the node after `node` (null at the end).
  static Node* Next(const Node& node) { return Link(node).next_; }
  // Returns the node before `node` (null at the front).
  static Node* Prev(const Node& node) { return Link(node).prev_; }

  // Links `node`, which must not be linked, at the back.
  void PushBack(Node& node) { InsertBefore(nullptr, node); }

  // Links `node` before `position`, or at the back if `position` is null.
  void InsertBefore(Node* position, Node& node) {
    Links& n = Link(node);
    LIBK_ASSERT(!n.linked_, "a node was linked twice");
    Node* next = position;
    Node* prev = next != nullptr ? Link(*next).prev_ : tail_;
    n.prev_ = prev;
    n.next_ = next;
    (prev != nullptr ? Link(*prev).next_ : head_) = &node;
    (next != nullptr ? Link(*next).prev_ : tail_) = &node;
    n.linked_ = true;
  }

  // Unlinks `node`, which must be in this list.
  void Remove(Node& node) {
    Links& n = Link(node);
    LIBK_ASSERT(n.linked_, "an unlinked node was removed");
    (n.prev_ != nullptr ? Link(*n.prev_).next_ : head_) = n.next_;
    (n.next_ != nullptr ? Link(*n.next_).prev_ : tail_) = n.prev_;
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
  using Links = ListNode<Node>;

  // Returns the links of `node` (an implicit conversion to its base).
  static Links& Link(Node& node) { return node; }
  static const Links& Link(const Node& node) { return node; }

  Node* head_ = nullptr;
  Node* tail_ = nullptr;
};

}  // namespace libk::async::internal
