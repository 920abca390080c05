// A library of the lowest planted layer.
#pragma once

int Low();
