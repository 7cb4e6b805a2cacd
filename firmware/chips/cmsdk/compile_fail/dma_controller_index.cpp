// The AN505 has four DMA controllers.
#include "rivet/cmsdk/dma.hpp"

#ifdef RIVET_COMPILE_FAIL
using dma = rivet::cmsdk::dma::controller<4>;
#else
using dma = rivet::cmsdk::dma::controller<3>;
#endif

void turn_on() {
    dma::enable();
}
