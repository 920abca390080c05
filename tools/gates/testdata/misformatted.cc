// Planted clang-format violations for the gates' self-test: format_check.py must reject
// this file (extra spaces, a brace on its own line, a line over 100 columns).
namespace keel_gates_testdata {

int  Add( int a,int b )
{
  return a+b;
}

int Sum(int first_argument_with_a_long_name, int second_argument_with_a_long_name, int third) { return first_argument_with_a_long_name + second_argument_with_a_long_name + third; }

}  // namespace keel_gates_testdata
