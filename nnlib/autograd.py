"""Automatic differentiation of scalars: a computational graph that differentiates itself.

Every ``Value`` holds a number (``data``), the derivative of the final output with
respect to it (``grad``, filled in by ``backward``), the values it was made from
(its children) and a small function that knows the local derivatives of the one
operation that made it. For c = a · b that function does

    a.grad += c.grad · b        b.grad += c.grad · a

which is the chain rule, ∂L/∂a = ∂L/∂c · ∂c/∂a, for a single step. ``backward()``
on the output visits the graph in reverse topological order (every value after
all the values that use it), so when a value passes its gradient on, that
gradient is complete. The ``+=`` matters: a value used twice (a · a, a + a, or a
weight that feeds two units) receives a contribution from each use, and ∂L/∂a is
their sum (the multivariable chain rule).

This is what every deep-learning framework does, one number at a time; nnlib's
layers do the same sums for whole arrays at once (``nnlib.layers``). The design
follows Andrej Karpathy's micrograd.
"""

import math
import numbers


def _number(value, name):
    """A plain finite real number as a float (not a bool, not a Value), or a clear error."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be a real number (int or float); got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}")
    return float(value)


class Value:
    """A scalar in a computational graph: ``data``, its gradient ``grad``, and how it was made.

    ``Value(2.0)`` is a leaf (an input or a parameter). Arithmetic with other
    Values or plain numbers builds the graph: ``(a * b + 1).tanh()``. After
    ``out.backward()`` every value's ``grad`` holds ∂out/∂value.
    """

    def __init__(self, data, _children=(), _op=""):
        self.data = _number(data, "data")
        self.grad = 0.0
        self._backward = lambda: None  # a leaf passes nothing on
        self._prev = tuple(_children)
        self._op = _op  # the operation that made this value, for printing the graph

    @staticmethod
    def _wrap(other, op):
        """``other`` as a Value: a plain number becomes a constant leaf."""
        if isinstance(other, Value):
            return other
        if isinstance(other, numbers.Real) and not isinstance(other, bool):
            return Value(other)
        raise TypeError(f"the other operand of {op} must be a Value or a real number; "
                        f"got {type(other).__name__} {other!r}")

    # -- the operations: each computes its output and says how to pass the gradient back --
    def __add__(self, other):
        other = Value._wrap(other, "+")
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():  # ∂(a + b)/∂a = ∂(a + b)/∂b = 1
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = Value._wrap(other, "*")
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():  # ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, exponent):
        if isinstance(exponent, Value):
            raise TypeError("a Value can be raised only to a plain number, not to a Value: for a ** b with b "
                            "learned, write (b * a.log()).exp()")
        k = _number(exponent, "the exponent")
        if self.data < 0 and k != int(k):
            raise ValueError(f"a negative number has no real power {k}; got base {self.data}")
        if self.data == 0 and k < 0:
            raise ZeroDivisionError(f"0 cannot be raised to the negative power {k}")
        out = Value(self.data**k, (self,), f"**{k:g}")

        def _backward():  # ∂(a^k)/∂a = k a^(k−1) (and 0 for k = 0: a^0 = 1 is a constant)
            self.grad += (k * self.data ** (k - 1) if k else 0.0) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():  # tanh' = 1 − tanh²
            self.grad += (1 - t * t) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")  # math.exp raises OverflowError past e^709

        def _backward():  # (e^a)' = e^a, which is out itself
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive number; got {self.data}")
        out = Value(math.log(self.data), (self,), "log")

        def _backward():  # (log a)' = 1/a
            self.grad += out.grad / self.data
        out._backward = _backward
        return out

    def relu(self):
        out = Value(max(self.data, 0.0), (self,), "relu")

        def _backward():  # 1 where a > 0, else 0 (at a = 0 we take 0, as nnlib.activations does)
            self.grad += (self.data > 0) * out.grad
        out._backward = _backward
        return out

    # -- everything else is made of the operations above -------------------------------
    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-Value._wrap(other, "-"))

    def __truediv__(self, other):
        return self * Value._wrap(other, "/") ** -1

    # The reflected forms: 2 + a, 2 - a, 2 * a, 2 / a (Python tries int.__add__ first, which gives up).
    def __radd__(self, other):
        return self + other

    def __rsub__(self, other):
        return Value._wrap(other, "-") - self

    def __rmul__(self, other):
        return self * other

    def __rtruediv__(self, other):
        return Value._wrap(other, "/") / self

    # -- the backward pass --------------------------------------------------------------
    def topological_order(self):
        """This value and every value it was computed from, each after all the values it was made from.

        Built with an explicit stack rather than by recursion, because a long chain
        (a sum of thousands of terms, a loop of updates) would pass Python's
        recursion limit of about a thousand nested calls.
        """
        order, visited = [], set()
        stack = [(self, False)]
        while stack:
            node, children_done = stack.pop()
            if children_done:
                order.append(node)  # all of its children are in the order already
            elif id(node) not in visited:
                visited.add(id(node))
                stack.append((node, True))  # comes back to it once its children are placed
                stack.extend((child, False) for child in node._prev)
        return order

    def backward(self):
        """Fill in ``grad`` of every value this one was computed from: ∂self/∂value.

        Walking the topological order backwards, each value has received all of its
        gradient (from every value that uses it) before it passes it on. Gradients
        add up (``+=``), also from one backward pass to the next: call ``zero_grad``
        before a second backward pass through the same values.
        """
        order = self.topological_order()
        self.grad = 1.0  # ∂self/∂self
        for node in reversed(order):
            node._backward()

    def zero_grad(self):
        """Set ``grad`` to 0 in this value and every value it was computed from."""
        stack, seen = [self], set()
        while stack:
            node = stack.pop()
            if id(node) not in seen:
                seen.add(id(node))
                node.grad = 0.0
                stack.extend(node._prev)

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"
