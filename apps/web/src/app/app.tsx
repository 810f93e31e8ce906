import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { BrandedMantineProvider } from './branded-mantine-provider';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  return (
    // The query client first: the theme is built from the brand the API answers.
    <QueryClientProvider client={queryClient}>
      <BrandedMantineProvider>
        {/* At the bottom: never over the page heading or the header (its account menu), on a phone least of all. */}
        <Notifications position="bottom-right" />
        <RouterProvider router={router} />
      </BrandedMantineProvider>
    </QueryClientProvider>
  );
}
