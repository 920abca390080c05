// Planted: ways of hiding raw calls from the lint.
namespace hw = libk::x86_64::raw;
using namespace libk::x86_64::raw;
