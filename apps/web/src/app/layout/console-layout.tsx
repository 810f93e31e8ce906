import { Stack } from '@mantine/core';
import { Outlet } from 'react-router';
import { ConsoleGate } from './console-gate';
import { ConsoleNav } from './console-nav';

/** Every console page: for vendor users only, under the console's own navigation. */
export function ConsoleLayout() {
  return (
    <ConsoleGate>
      <Stack gap="lg">
        <ConsoleNav />
        <Outlet />
      </Stack>
    </ConsoleGate>
  );
}
