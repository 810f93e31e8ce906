import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Notifications } from '@mantine/notifications';
import { Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { useProfileLanguage } from '../shared/i18n';
import { BrandedMantineProvider } from './branded-mantine-provider';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  return (
    // The query client first: the theme is built from the brand the API answers.
    <QueryClientProvider client={queryClient}>
      <ProfileLanguage />
      {/* Nothing shows until the words of the reader's language are there (a few kB, fetched beside the code). */}
      <Suspense fallback={null}>
        <BrandedMantineProvider>
          {/* At the bottom: never over the page heading or the header (its account menu), on a phone least of all. */}
          <Notifications position="bottom-right" />
          <RouterProvider router={router} />
        </BrandedMantineProvider>
      </Suspense>
    </QueryClientProvider>
  );
}

/** The app speaks the signed-in user's language (their profile's, else the browser's). */
function ProfileLanguage() {
  useProfileLanguage();
  return null;
}
