// Unit specs that rasterise PDFs or images run for seconds when the machine is busy (CI's 2 cores).
jest.setTimeout(30_000);
