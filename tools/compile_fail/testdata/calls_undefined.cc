// Compiles, but calls a function that nothing defines: the link must fail.
int Missing();

int Caller() { return Missing() + 1; }
